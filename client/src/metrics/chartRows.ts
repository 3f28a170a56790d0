import type { Percentiles } from '../api/metrics.js';

/** One bar of a chart and one row of its table. */
export interface CountRow {
  name: string;
  value: number;
}

export interface TimeRow {
  name: string;
  cases: number;
  p50: number | null;
  p90: number | null;
}

const TIER_LABELS: Record<string, string> = { 0: 'Tier 0 (bot)', 1: 'Tier 1 (agent)', 2: 'Tier 2 (private)' };

/** A readable name for a tier key ("1" → "Tier 1 (agent)"); other keys are kept. */
export function tierLabel(key: string): string {
  return TIER_LABELS[key] ?? key;
}

/** Counts as chart rows, in key order (tiers 0, 1, 2; teams and statuses alphabetically). */
export function countRows(counts: Record<string, number>, label: (key: string) => string = (key) => key): CountRow[] {
  return Object.keys(counts).sort().map((key) => ({ name: label(key), value: counts[key] ?? 0 }));
}

/** p50/p90 durations as chart rows, in minutes (one decimal). */
export function timeRows(byKey: Record<string, Percentiles>, label: (key: string) => string = (key) => key): TimeRow[] {
  const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);
  return Object.keys(byKey).sort().map((key) => {
    const figures = byKey[key]!;
    return { name: label(key), cases: figures.count, p50: minutes(figures.p50Ms), p90: minutes(figures.p90Ms) };
  });
}

export type RangePreset = '24h' | '7d' | '30d' | 'all';

/** The [from, to) of a preset period ending now (ISO strings; null = open). */
export function presetRange(preset: RangePreset, now: number): { from: string | null; to: string | null } {
  const hours = { '24h': 24, '7d': 7 * 24, '30d': 30 * 24 } as const;
  if (preset === 'all') return { from: null, to: null };
  return { from: new Date(now - hours[preset] * 3_600_000).toISOString(), to: null };
}

/** What the period picker chose: a preset ending now, or whole local days from one date to another (both included). */
export type RangeChoice = { preset: RangePreset } | { preset: 'custom'; from: string; to: string };

/** The [from, to) a choice means. */
export function rangeOf(choice: RangeChoice, now: number): { from: string | null; to: string | null } {
  if (choice.preset !== 'custom') return presetRange(choice.preset, now);
  const from = new Date(`${choice.from}T00:00:00`);
  const to = new Date(`${choice.to}T00:00:00`);
  to.setDate(to.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** The browser's day of `at` as YYYY-MM-DD (not UTC's: after 23:00 in Berlin, UTC is still on the day before). */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The browser's time zone name ("Europe/Berlin"), which custom periods are counted in. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
