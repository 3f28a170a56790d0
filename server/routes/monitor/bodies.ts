import type { PresentedThread } from '../../presenters/presentedThread.js';

/*
 * The query and answer of GET /api/monitor/threads. Their own file, importing
 * only an import-free type module, because the client uses them (type-only)
 * and a client type-check cannot follow schema.ts or monitor.ts into the
 * store (node-only modules).
 */

/** GET /api/monitor/threads query, as sent (the server fills in `limit`). */
export interface ThreadListQuery {
  limit?: number;
  /** The `nextCursor` of the page before. */
  cursor?: string;
}

/** GET /api/monitor/threads: one page of public threads (personal data masked), and the cursor of the next (null on the last). */
export interface ThreadListAnswer {
  threads: PresentedThread[];
  nextCursor: string | null;
}
