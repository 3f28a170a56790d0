import { conflict, notFound, unprocessable } from '../errors.js';
import type { SessionUser } from '../middleware/currentUser.js';
import type { CaseChanges } from '../routes/cases/bodies.js';
import { plainString, scopeCovers, scopeForUser, type CaseDocument, type CaseEventDocument, type Store, type TeamScope } from '../store/index.js';

export interface UpdateCaseProps {
  store: Store;
  /** The caller's teams: a case outside them is not found. */
  scope: TeamScope;
  actor: SessionUser;
  caseId: string;
  /** What PATCH /api/cases/:id may change (its body but the version). */
  changes: CaseChanges;
  /** The version the caller last saw; a different current version is a 409. */
  expectedVersion?: number;
  now?: Date;
}

/** The case after the update, and the event recording it (null when nothing changed). */
export interface UpdateCaseResult {
  case: CaseDocument;
  event: CaseEventDocument | null;
}

type FieldChange = { from: unknown; to: unknown };

/**
 * Changes a case's status, assignee, priority or tags. The case update
 * (conditional on its version, so a concurrent writer elsewhere is a 409)
 * also bumps `version` and reserves the event's seq with $inc lastEventSeq;
 * then the `updated` event is appended with that seq. A crash in between
 * leaves a gap in seq, which clients already handle by refetching.
 */
export function updateCase(props: UpdateCaseProps): Promise<UpdateCaseResult> {
  return props.store.exclusive(`case:${props.caseId}`, () => applyChanges(props));
}

async function applyChanges(props: UpdateCaseProps): Promise<UpdateCaseResult> {
  const { store, scope, changes } = props;
  const now = props.now ?? new Date();
  const current = await store.collections.cases.findOne(scope, { _id: plainString(props.caseId, 'case id') });
  if (!current) throw notFound('case');
  if (props.expectedVersion !== undefined && props.expectedVersion !== current.version) throw staleVersion(current.version);
  if (typeof changes.assignee === 'string') await assertAssignable(store, changes.assignee, current.team);

  const diff = changedFields(current, changes);
  if (Object.keys(diff).length === 0) return { case: current, event: null };
  const set: Record<string, unknown> = { updatedAt: now };
  for (const [field, change] of Object.entries(diff)) set[field] = change.to;
  if (diff.status?.to === 'resolved') set.resolvedAt = now;
  else if (diff.status?.from === 'resolved') set.resolvedAt = null;

  const updated = await store.collections.cases.findOneAndUpdate(
    scope,
    { _id: current._id, version: current.version },
    { $set: set, $inc: { version: 1, lastEventSeq: 1 } },
    { returnDocument: 'after' },
  );
  if (!updated) throw conflict('the case changed meanwhile: reload it and try again');
  const appended = await store.collections.caseEvents.insertOne({
    caseId: updated._id,
    seq: updated.lastEventSeq,
    type: 'updated',
    at: now,
    actor: { kind: 'user', id: props.actor.id },
    data: diff,
  });
  if (appended.status !== 'inserted') throw new Error(`case ${updated._id}: event seq ${updated.lastEventSeq} was already taken`);
  return { case: updated, event: appended.document };
}

/** The fields whose value the changes really move, with their old and new values. */
function changedFields(current: CaseDocument, changes: CaseChanges): Partial<Record<keyof CaseChanges, FieldChange>> {
  const diff: Partial<Record<keyof CaseChanges, FieldChange>> = {};
  if (changes.status !== undefined && changes.status !== current.status) diff.status = { from: current.status, to: changes.status };
  if (changes.assignee !== undefined && changes.assignee !== (current.assignee ?? null)) diff.assignee = { from: current.assignee ?? null, to: changes.assignee };
  if (changes.priority !== undefined && changes.priority !== current.priority) diff.priority = { from: current.priority, to: changes.priority };
  if (changes.tags !== undefined && !sameList(changes.tags, current.tags)) diff.tags = { from: [...current.tags], to: [...changes.tags] };
  return diff;
}

/** 422 unless the username is an enabled user who may see the team's cases. */
async function assertAssignable(store: Store, username: string, team: string): Promise<void> {
  const user = await store.collections.users.findOne({ username: plainString(username, 'assignee') });
  if (!user || user.disabled || !scopeCovers(scopeForUser(user), team)) {
    throw unprocessable('the assignee must be a user of the case\'s team', [{ pointer: '/assignee', message: `"${username}" is not a user of team "${team}"` }]);
  }
}

function staleVersion(currentVersion: number) {
  return conflict(`the case is at version ${currentVersion}: reload it and try again`, [{ pointer: '/version', message: `is stale: the case is at version ${currentVersion}` }]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
