/** Scripted faults: a queue of misbehaviours that the next matching requests suffer. */
import type { EndpointName } from './endpoints.js';

/**
 * serverError: answer 5xx with X's error body; timeout: hold the response (for holdMs, or until the client gives up or `sim.held.answerAll()`);
 * drop: destroy the connection without answering; repeatItems: the next page repeats items of this one;
 * outOfOrder: ids within this page are not newest-first; problem: answer with one of X's account problems
 * (`problem` says which); errorsNoData: a 200 whose body has `errors` and no `data`; responseLost: a POST
 * takes effect and its answer never arrives (the connection drops; shorthand for drop with afterEffect).
 */
export type FaultKind = 'serverError' | 'timeout' | 'drop' | 'repeatItems' | 'outOfOrder' | 'problem' | 'errorsNoData' | 'responseLost';

/** Every fault kind, for validating control requests. */
export const FAULT_KINDS: readonly FaultKind[] = ['serverError', 'timeout', 'drop', 'repeatItems', 'outOfOrder', 'problem', 'errorsNoData', 'responseLost'];

/** X's problems an account runs into (see errors.ts for their bodies). */
export type AccountProblem = 'unauthorized' | 'creditsDepleted' | 'clientNotEnrolled' | 'oauth1Permissions' | 'usageCappedDaily' | 'usageCappedMonthly';

/** Every account problem, for validating control requests. */
export const ACCOUNT_PROBLEMS: readonly AccountProblem[] = ['unauthorized', 'creditsDepleted', 'clientNotEnrolled', 'oauth1Permissions', 'usageCappedDaily', 'usageCappedMonthly'];

/** A fault to queue. */
export interface FaultSpec {
  kind: FaultKind;
  /** Only requests to this endpoint suffer it; any endpoint it can apply to when omitted. */
  endpoint?: EndpointName;
  /** How many requests suffer it (default 1). */
  times?: number;
  /** serverError status (default 503). */
  status?: 500 | 502 | 503 | 504;
  /** timeout: answer normally after this long; when omitted, only `sim.held.answerAll()` answers. */
  holdMs?: number;
  /** POST endpoints: perform the write, then fail (the client cannot tell whether it happened). */
  afterEffect?: boolean;
  /** repeatItems: how many of this page's oldest items the next page repeats (default 2). */
  repeatCount?: number;
  /** problem: which of X's account problems to answer with (default unauthorized). */
  problem?: AccountProblem;
}

/** A fault waiting in the queue. */
export interface QueuedFault extends FaultSpec {
  id: number;
  remaining: number;
}

const PAGE_ENDPOINTS: readonly EndpointName[] = ['mentions', 'dmEvents', 'userTweets', 'dmConversation'];
const POST_ENDPOINTS: readonly EndpointName[] = ['createTweet', 'sendDm'];
const PAGE_FAULTS: readonly FaultKind[] = ['repeatItems', 'outOfOrder'];

/** FIFO of faults; each request takes the first one that applies to its endpoint. */
export class FaultQueue {
  private queue: QueuedFault[] = [];
  private nextId = 1;

  /** Queues a fault; throws on a fault that can never apply (a page fault on a POST endpoint). */
  inject(spec: FaultSpec): QueuedFault {
    if (PAGE_FAULTS.includes(spec.kind) && spec.endpoint && !PAGE_ENDPOINTS.includes(spec.endpoint)) {
      throw new Error(`fault ${spec.kind} only applies to paged endpoints (mentions, dmEvents), not ${spec.endpoint}`);
    }
    if (spec.kind === 'responseLost' && spec.endpoint && !POST_ENDPOINTS.includes(spec.endpoint)) {
      throw new Error(`fault responseLost only applies to POST endpoints (createTweet, sendDm), not ${spec.endpoint}`);
    }
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error('fault times must be a positive integer');
    const queued: QueuedFault = { ...spec, id: this.nextId++, remaining: times };
    this.queue.push(queued);
    return queued;
  }

  /** Removes and returns one use of the first fault applying to `endpoint`. */
  take(endpoint: EndpointName): FaultSpec | undefined {
    const fault = this.queue.find((candidate) => applies(candidate, endpoint));
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining === 0) this.queue = this.queue.filter((candidate) => candidate !== fault);
    return { ...fault };
  }

  /** Faults still waiting, in order. */
  pending(): QueuedFault[] {
    return this.queue.map((fault) => ({ ...fault }));
  }

  /** Drops every queued fault. */
  clear(): void {
    this.queue = [];
  }
}

function applies(fault: QueuedFault, endpoint: EndpointName): boolean {
  if (fault.endpoint && fault.endpoint !== endpoint) return false;
  if (fault.kind === 'responseLost') return POST_ENDPOINTS.includes(endpoint);
  return !PAGE_FAULTS.includes(fault.kind) || PAGE_ENDPOINTS.includes(endpoint);
}

/** Reorders a page so its ids are not newest-first (swaps neighbours). */
export function scramble<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = 0; i + 1 < out.length; i += 2) [out[i], out[i + 1]] = [out[i + 1] as T, out[i] as T];
  return out;
}

/** The exclusive upper bound that makes the next page start with this page's `repeatCount` oldest items again. */
export function repeatingCursor(pageIds: readonly string[], repeatCount: number): string | undefined {
  if (pageIds.length < 2) return undefined;
  const keep = Math.min(Math.max(1, repeatCount), pageIds.length - 1);
  return pageIds[pageIds.length - 1 - keep];
}
