import type { MonitorThread } from '../api/types.js';

/** Words too common to say anything about what customers talk about. */
const STOPWORDS = new Set(('a an the and or but if of to in on at for from by with without about as is are was were be been being am do does did done have has had ' +
  'i me my mine we us our you your he him his she her it its they them their this that these those there here what which who whom whose when where why how ' +
  'not no yes so too very can could will would should shall may might must just only also again still yet than then now into onto ' +
  'all any some each every more most other such own same both few many much one two get got im ive dont cant wont its thats pls please hi hello hey').split(' '));

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’]*/gu;

/** The words of a message worth counting: lower-case, no handles, links, masked placeholders, numbers or stopwords. */
export function keywordsOf(text: string): string[] {
  const cleaned = text
    .replace(/https?:\/\/\S+|www\.\S+/gi, ' ')
    .replace(/[@#][\p{L}\p{N}_]+/gu, ' ')
    .replace(/\[(email|phone|card)\]/g, ' ');
  return (cleaned.normalize('NFKC').toLowerCase().match(TOKEN) ?? [])
    .map((word) => word.replace(/['’]s$/, '').replace(/['’]/g, ''))
    .filter((word) => word.length > 2 && !/^\d+$/.test(word) && !STOPWORDS.has(word));
}

/** The most frequent keywords across the threads' messages, most frequent first (ties alphabetical). */
export function topKeywords(threads: readonly MonitorThread[], count = 10): Array<{ word: string; count: number }> {
  const counts = new Map<string, number>();
  for (const thread of threads) for (const message of thread.messages) for (const word of keywordsOf(message.text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].map(([word, n]) => ({ word, count: n })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, count);
}

/** Public messages per hour (local time), oldest first, with empty hours between the first and last filled in. */
export function volumeByHour(threads: readonly MonitorThread[]): Array<{ hour: string; start: number; messages: number }> {
  const buckets = new Map<number, number>();
  for (const thread of threads) {
    for (const message of thread.messages) {
      const at = new Date(message.createdAt);
      if (Number.isNaN(at.getTime())) continue;
      at.setMinutes(0, 0, 0);
      buckets.set(at.getTime(), (buckets.get(at.getTime()) ?? 0) + 1);
    }
  }
  if (buckets.size === 0) return [];
  const starts = [...buckets.keys()].sort((a, b) => a - b);
  const rows: Array<{ hour: string; start: number; messages: number }> = [];
  // At most a week of hourly bars: older activity is left out rather than squeezed in.
  const first = Math.max(starts[0]!, starts[starts.length - 1]! - 167 * 3_600_000);
  for (let start = first; start <= starts[starts.length - 1]!; start += 3_600_000) {
    const date = new Date(start);
    rows.push({ hour: `${date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} ${String(date.getHours()).padStart(2, '0')}:00`, start, messages: buckets.get(start) ?? 0 });
  }
  return rows;
}
