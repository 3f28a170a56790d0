/** Throughput figures of repeated runs. */
export interface Throughput {
  /** Messages per second of each timed run. */
  runs: number[];
  median: number;
  best: number;
}

/** Summarizes per-run throughputs. */
export function throughput(runs: number[]): Throughput {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { runs, median, best: sorted[sorted.length - 1]! };
}

/** Formats messages per second for people. */
export function rate(perSecond: number): string {
  return `${Math.round(perSecond).toLocaleString('en-US')} msgs/s`;
}
