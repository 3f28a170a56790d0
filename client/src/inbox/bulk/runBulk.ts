import { patchCase } from '../../api/cases.js';
import { escalateCase } from '../../api/escalations.js';
import { ApiError } from '../../api/http.js';
import type { Case, CasePatch } from '../../api/types.js';

/** One case's outcome of a bulk action. */
export interface BulkResult {
  item: Case;
  outcome: 'done' | 'conflict' | 'failed';
  message: string;
  /** The case after the change (done). */
  after?: Case;
}

/** A bulk action on the selected cases: a PATCH with each case's own version, or an escalation. */
export type BulkAction =
  | { kind: 'patch'; label: string; patchOf(item: Case): CasePatch }
  | { kind: 'escalate'; label: string; reason: string };

// A few requests at a time: quick for a page of cases, gentle on the server.
const PARALLEL = 4;

/** Applies the action to every case, each on the version the list shows (a case changed meanwhile answers 409 and is left alone). */
export async function runBulk(items: readonly Case[], action: BulkAction): Promise<BulkResult[]> {
  const results: BulkResult[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await applyOne(items[index]!, action);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return results;
}

async function applyOne(item: Case, action: BulkAction): Promise<BulkResult> {
  try {
    if (action.kind === 'escalate') {
      const answer = await escalateCase(item.id, { reason: action.reason });
      return { item, outcome: 'done', message: 'escalated', after: answer.case as Case };
    }
    const after = await patchCase(item.id, { ...action.patchOf(item), version: item.version });
    return { item, outcome: 'done', message: 'done', after };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return { item, outcome: 'conflict', message: 'changed by someone else meanwhile: not changed' };
    return { item, outcome: 'failed', message: (error as Error).message };
  }
}

/** The patch that puts a changed case back as it was (undo), for the fields the action changed. */
export function undoPatchOf(before: Case, changed: CasePatch): CasePatch {
  const undo: CasePatch = {};
  if (changed.status !== undefined) undo.status = (before.status === 'bot' ? 'open' : before.status) as CasePatch['status'];
  if (changed.assignee !== undefined) undo.assignee = before.assignee;
  if (changed.priority !== undefined) undo.priority = before.priority;
  if (changed.tags !== undefined) undo.tags = [...before.tags];
  return undo;
}
