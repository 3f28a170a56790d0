/*
 * Axes the charts compute themselves, so that every label fits: recharts
 * picks ticks after layout and clips what does not fit its fixed axis width
 * ("1.2m" drawn as ".2m"). With the ticks known beforehand, the space for
 * their labels is known too.
 */

/** Roughly how wide a character of the 12 px axis font is, generously (digits and most letters are narrower). */
const CHAR_PX = 7.5;
/** The tick line and the gap between it and its label. */
const TICK_PX = 14;

/** 0 and evenly spaced round steps (1, 2, 2.5 or 5 × 10ⁿ) up to at least `max`: about `count` ticks. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / (count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? rough;
  const ticks: number[] = [];
  for (let i = 0; ticks.length === 0 || ticks[ticks.length - 1]! < max; i += 1) ticks.push(Number((i * step).toPrecision(12)));
  return ticks;
}

/** A duration in minutes, short enough for an axis: "45s", "12m", "1.5h", "3d". */
export function shortMinutes(minutes: number): string {
  const one = (n: number) => String(Math.round(n * 10) / 10);
  if (minutes === 0) return '0';
  if (minutes < 1) return `${Math.round(minutes * 60)}s`;
  if (minutes < 120) return `${one(minutes)}m`;
  if (minutes < 48 * 60) return `${one(minutes / 60)}h`;
  return `${one(minutes / 1440)}d`;
}

/** A count for an axis: "950", "1.2k", "3.4M". */
export function shortCount(n: number): string {
  const one = (x: number) => String(Math.round(x * 10) / 10);
  if (Math.abs(n) < 1000) return one(n);
  if (Math.abs(n) < 1_000_000) return `${one(n / 1000)}k`;
  return `${one(n / 1_000_000)}M`;
}

/** Pixels an axis needs for the longest of its labels, at most `cap` (longer labels are shortened with "…"). */
export function labelsWidth(labels: readonly string[], cap = 200): number {
  const longest = Math.max(1, ...labels.map((label) => label.length));
  return Math.min(cap, Math.ceil(longest * CHAR_PX + TICK_PX));
}

/** A label cut to fit `width` pixels of the axis font, with "…" when cut (the table beside the chart has it whole). */
export function fitLabel(label: string, width: number): string {
  const room = Math.max(3, Math.floor((width - TICK_PX) / CHAR_PX));
  return label.length <= room ? label : `${label.slice(0, room - 1)}…`;
}
