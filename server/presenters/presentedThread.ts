import type { CaseStatus } from '../store/schemas/caseStatus.js';

/*
 * The monitor's shapes of a public thread. Their own file, importing only an
 * import-free type module, because the client uses them (type-only) and a
 * client type-check cannot follow thread.ts into the store (node-only modules).
 */

/** A public post of a monitored thread, its text and author name masked; no author id, customer data or other internals. */
export interface PresentedThreadMessage {
  id: string;
  createdAt: string;
  author: { handle: string | null; name: string | null };
  text: string;
  lang: string | null;
}

/** A public conversation as the marketing monitor shows it. */
export interface PresentedThread {
  id: string;
  platform: string;
  threadId: string;
  team: string;
  status: CaseStatus;
  tags: string[];
  createdAt: string;
  lastActivityAt: string;
  messages: PresentedThreadMessage[];
}
