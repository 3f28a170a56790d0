import type { Message } from '../routing/index.js';
import type { CheckpointStore, MessageSink, StreamHealth } from './connector.js';

/** One page of a newest-first stream. */
export interface StreamPage {
  /** New messages of the page (newer than the run's starting point). */
  messages: Message[];
  newestId?: string;
  nextToken?: string;
  /** The page reached items already stored before the run: stop paging. */
  reachedKnown?: boolean;
}

export interface PageRunOptions {
  connector: string;
  stream: string;
  checkpoints: CheckpointStore;
  sink: MessageSink;
  health: StreamHealth;
  fetchPage(sinceId: string | undefined, token: string | undefined): Promise<StreamPage>;
  /** Whether an error means the saved pagination token is no longer accepted. */
  isStaleToken(error: unknown): boolean;
  maxPages?: number;
  /** Whether to read (and store) another page (false once the connector is stopping: the run resumes from its saved token next time). */
  keepGoing?: () => boolean;
}

/** Compares numeric network ids of any length. */
export function newerId(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return BigInt(a) >= BigInt(b) ? a : b;
}

/**
 * Reads a stream from its checkpoint towards its newest item, page by page
 * (at most maxPages); true when it got to the newest item. Each
 * page is stored before the checkpoint moves past it, so a restart at any
 * point resumes with no gap; stored items are idempotent, so no duplicates.
 */
export async function runPages(options: PageRunOptions): Promise<boolean> {
  const { connector, stream, checkpoints, health } = options;
  const saved = (await checkpoints.load(connector, stream)) ?? {};
  const sinceId = saved.run ? saved.run.sinceId : saved.newestId;
  let runNewest = saved.run?.newestId;
  let token = saved.run?.nextToken;
  for (let pages = 0; pages < (options.maxPages ?? 50); pages++) {
    if (pages > 0 && options.keepGoing && !options.keepGoing()) return false;
    let page: StreamPage;
    try {
      page = await options.fetchPage(sinceId, token);
    } catch (error) {
      if (token === undefined || !options.isStaleToken(error)) throw error;
      // The token expired: start the run again from its beginning (re-read items are skipped as duplicates).
      health.gaps++;
      token = undefined;
      continue;
    }
    // A page answered after stop began is not stored: the checkpoint stays before it, and the next process reads it again.
    if (options.keepGoing && !options.keepGoing()) return false;
    await storePage(page.messages, options);
    runNewest = newerId(runNewest, page.newestId);
    if (page.nextToken && !page.reachedKnown) {
      token = page.nextToken;
      await checkpoints.save(connector, stream, { newestId: saved.newestId, run: { sinceId, newestId: runNewest, nextToken: token } });
    } else {
      await checkpoints.save(connector, stream, { newestId: newerId(runNewest, sinceId) });
      return true;
    }
  }
  return false;
}

async function storePage(messages: Message[], options: PageRunOptions): Promise<void> {
  if (messages.length === 0) return;
  const ordered = [...messages].sort((a, b) => compareIds(a.id, b.id));
  const result = await options.sink.ingest(ordered);
  options.health.stored += result.accepted.length;
  options.health.duplicates += result.duplicates.length;
  const newest = ordered[ordered.length - 1]!;
  options.health.lagMs = Math.max(0, Date.now() - Date.parse(newest.createdAt));
}

function compareIds(a: string, b: string): number {
  const x = BigInt(a.replace(/^\D+/, ''));
  const y = BigInt(b.replace(/^\D+/, ''));
  return x < y ? -1 : x > y ? 1 : 0;
}
