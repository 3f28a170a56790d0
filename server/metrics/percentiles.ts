/**
 * Nearest-rank percentiles of a list of numbers, computed here rather than by
 * the database: FerretDB has no `$percentile` (docs/mongodb.md). The p-th
 * percentile is the smallest value with at least p of the values at or below
 * it, so it is always one of the values measured.
 */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
