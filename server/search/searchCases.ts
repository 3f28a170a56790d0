import type { CaseDocument, Filter, Store, TeamScope } from '../store/index.js';

/** Where a search term was found in a case. */
export interface SearchHit {
  kind: 'message' | 'note' | 'customer' | 'case';
  text: string;
  at: Date;
}

/** Where a page of search results ends: the last case looked at, by (createdAt, _id). */
export interface SearchPosition {
  at: Date;
  id: string;
}

export interface SearchProps {
  store: Store;
  /** The caller's teams: only their cases are searched and returned. */
  scope: TeamScope;
  query: string;
  /** At most this many cases. */
  limit: number;
  /** Continue after this case (the `next` of the page before). */
  after?: SearchPosition | null;
  /** At most this many cases are looked at per call (tests lower it). */
  budget?: number;
}

export interface SearchPage {
  results: Array<{ case: CaseDocument; hits: SearchHit[] }>;
  /** Where to continue; null when every case of the scope has been looked at. */
  next: SearchPosition | null;
}

/** Cases read per step; their messages and notes are then searched with one query each. */
const BATCH = 200;
/** Cases looked at per call before answering with what was found and where to go on, so a rare word cannot tie up a request. */
const BUDGET = 2_000;
const HITS_PER_CASE = 3;
const SNIPPET = 160;
const NEWEST_OPENED = { createdAt: -1, _id: -1 } as const;

/**
 * Full-text search over the caller's cases (customer name and handle, tags,
 * id), their messages (the customer's and ours) and internal notes: every
 * word of the query must appear (case-insensitive, anywhere in the text).
 * It walks the scope's cases newest opened first, a batch at a time, and asks
 * the store for the batch's matching messages and notes (a case-insensitive
 * $regex per word: MongoDB, FerretDB, which has no $text, and the embedded
 * backend all run it). Every matching case is found exactly once across
 * pages; a call stops after `limit` results or `budget` cases looked at, and
 * `next` says where to go on.
 */
export async function searchCases(props: SearchProps): Promise<SearchPage> {
  const words = props.query.split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return { results: [], next: null };
  const budget = props.budget ?? BUDGET;
  const results: SearchPage['results'] = [];
  let position = props.after ?? null;
  let looked = 0;
  while (looked < budget) {
    const size = Math.min(BATCH, budget - looked);
    const batch = await props.store.collections.cases.find(props.scope, position ? olderThan(position) : {}, { sort: NEWEST_OPENED, limit: size });
    // A short batch is the end of the scope's cases.
    const last = batch.length < size;
    const hits = await hitsIn(props.store, batch, words, props.query.trim());
    for (const [index, found] of batch.entries()) {
      position = { at: found.createdAt, id: found._id };
      looked += 1;
      const caseHits = hits.get(found._id);
      if (caseHits) results.push({ case: found, hits: caseHits });
      if (results.length === props.limit) return { results, next: last && index === batch.length - 1 ? null : position };
    }
    if (last) return { results, next: null };
  }
  return { results, next: position };
}

function olderThan(position: SearchPosition): Filter {
  return { $or: [{ createdAt: { $lt: position.at } }, { createdAt: position.at, _id: { $lt: position.id } }] };
}

/** The hits of each case of the batch that holds every word somewhere, newest first, at most HITS_PER_CASE. */
async function hitsIn(store: Store, batch: readonly CaseDocument[], words: readonly string[], query: string): Promise<Map<string, SearchHit[]>> {
  const hits = new Map<string, SearchHit[]>();
  if (batch.length === 0) return hits;
  const ids = batch.map((found) => found._id);
  const every = (field: string): Filter => ({ $and: words.map((word) => ({ [field]: { $regex: escapeRegex(word), $options: 'i' } })) });
  const [messages, notes] = await Promise.all([
    store.collections.messages.find({ caseId: { $in: ids }, ...every('text') }, { sort: { createdAt: -1 } }),
    store.collections.caseEvents.find({ caseId: { $in: ids }, type: 'note', ...every('data.text') }, { sort: { at: -1 } }),
  ]);
  const found: Array<[string, SearchHit]> = [];
  for (const item of batch) {
    const hit = caseHit(item, words, query);
    if (hit) found.push([item._id, hit]);
  }
  for (const message of messages) found.push([message.caseId!, { kind: 'message', text: snippet(message.text, words[0]!), at: message.createdAt }]);
  for (const note of notes) found.push([note.caseId, { kind: 'note', text: snippet(String(note.data.text ?? ''), words[0]!), at: note.at }]);
  for (const [caseId, hit] of found) {
    const list = hits.get(caseId) ?? [];
    if (list.length < HITS_PER_CASE) list.push(hit);
    hits.set(caseId, list);
  }
  return hits;
}

/** The case itself matches: its id is the query, or every word is in the customer's name, in their handle, or in the tags. */
function caseHit(item: CaseDocument, words: readonly string[], query: string): SearchHit | null {
  const holdsAll = (texts: ReadonlyArray<string | null | undefined>) => words.every((word) => texts.some((text) => text?.toLowerCase().includes(word.toLowerCase())));
  const isId = item._id === query;
  if (!isId && !holdsAll([item.customer.name]) && !holdsAll([item.customer.handle]) && !holdsAll(item.tags)) return null;
  const text = [item.customer.name, item.customer.handle && `@${item.customer.handle}`, item.tags.join(', ')].filter(Boolean).join(' ');
  return { kind: isId ? 'case' : 'customer', text, at: item.lastActivityAt };
}

function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Up to SNIPPET characters of the text around the first place the word appears. */
function snippet(text: string, word: string): string {
  if (text.length <= SNIPPET) return text;
  const at = Math.max(0, text.toLowerCase().indexOf(word.toLowerCase()) - 40);
  return `${at > 0 ? '…' : ''}${text.slice(at, at + SNIPPET)}${at + SNIPPET < text.length ? '…' : ''}`;
}
