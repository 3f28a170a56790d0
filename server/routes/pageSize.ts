/**
 * The one rule for page sizes across the API: `limit` is 1 to MAX_PAGE on
 * every paged list (cases, monitor threads…), each list choosing its default.
 */
export const MAX_PAGE = 100;

/** The `limit` query parameter of a paged list, with its default. */
export function pageLimit(defaultSize: number) {
  return { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: defaultSize } as const;
}
