/** "in 23 min", "5 min overdue", "in 2 h"…: how long until (or since) a due time. */
export function timeToTarget(dueAt: string | null, now: number): { label: string; overdue: boolean } | null {
  if (!dueAt) return null;
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return null;
  const ms = due - now;
  const span = formatSpan(Math.abs(ms));
  return ms < 0 ? { label: `${span} overdue`, overdue: true } : { label: `due in ${span}`, overdue: false };
}

/** A duration, rounded to the largest sensible unit. */
export function formatSpan(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d`;
}

/** A timestamp in the reader's locale and time zone, short, naming the zone ("3 Dec 2026, 09:28 CET"). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = date.toLocaleDateString(undefined, { dateStyle: 'medium' });
  return `${day}, ${date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })}`;
}
