import type { PresentedCase } from '../../presenters/presentedCase.js';

/*
 * GET /api/search: its query and answer. Their own file, importing only an
 * import-free type module, because the client uses them (type-only).
 */

export interface SearchQuery {
  /** The words to find (all of them), 1 to 100 characters. */
  q: string;
  limit?: number;
  /** The `nextCursor` of the page before. */
  cursor?: string;
}

export interface SearchAnswer {
  results: Array<{ case: PresentedCase; hits: Array<{ kind: 'message' | 'note' | 'customer' | 'case'; text: string; at: string }> }>;
  /** More cases are left to search: ask again with `cursor` (a page may hold fewer than `limit` results and still have a next one). Null: all searched. */
  nextCursor: string | null;
  /** With a next page: when the oldest case searched so far was opened ("searched cases opened since …"); null otherwise. */
  searchedBackTo: string | null;
}
