/** A stretch of a text, [start, end) in UTF-16 code units. */
export interface TextSpan {
  start: number;
  end: number;
}

/** Whether two spans share at least one character. */
export function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}
