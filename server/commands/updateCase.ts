import { clockChange } from '../cases/slaClock.js';
import { loadTeamHours } from '../cases/teamHoursLookup.js';
import { conflict, notFound, unprocessable } from '../errors.js';
import { changeCase } from './changeCase.js';
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
 * Changes a case's status, assignee, priority or tags: one write of the
 * case (conditional on its version, so a concurrent writer elsewhere is a
 * 409 when the caller named the version it saw) that bumps `version` and
 * records the `updated` event (changeCase: gapless seqs across processes).
 */
export function updateCase(props: UpdateCaseProps): Promise<UpdateCaseResult> {
  return props.store.exclusive(`case:${props.caseId}`, () => applyChanges(props));
}

async function applyChanges(props: UpdateCaseProps): Promise<UpdateCaseResult> {
  const { store, scope, changes } = props;
  const now = props.now ?? new Date();
  const caseId = plainString(props.caseId, 'case id');
  const current = await store.collections.cases.findOne(scope, { _id: caseId });
  if (!current) throw notFound('case');
  if (typeof changes.assignee === 'string') await assertAssignable(store, changes.assignee, current.team);
  const snoozedUntil = changes.snoozedUntil === undefined ? undefined : snoozeTime(changes.snoozedUntil, now);
  const hoursOf = changes.status !== undefined || changes.snoozedUntil !== undefined ? await loadTeamHours(store) : undefined;
  let unchanged: CaseDocument = current;
  const changed = await changeCase({
    store, scope, caseId, now,
    plan: (latest) => {
      // Without a version from the caller, a change made meanwhile elsewhere is planned on; with one, it is a 409.
      if ((props.expectedVersion ?? latest.version) !== latest.version) throw staleVersion(latest.version);
      const diff = changedFields(latest, changes, snoozedUntil);
      unchanged = latest;
      if (Object.keys(diff).length === 0) return null;
      const set: Record<string, unknown> = {};
      for (const [field, change] of Object.entries(diff)) set[field] = change.to;
      if (diff.status?.to === 'resolved') set.resolvedAt = now;
      else if (diff.status?.from === 'resolved') set.resolvedAt = null;
      if (hoursOf && (diff.status || diff.snoozedUntil)) {
        // Pending or snoozed stops the response clock; leaving both starts it again.
        const next = { status: (diff.status?.to as string | undefined) ?? latest.status, snoozedUntil: diff.snoozedUntil ? (diff.snoozedUntil.to as Date | null) : latest.snoozedUntil };
        Object.assign(set, clockChange(latest, next, now, hoursOf(latest.team)));
      }
      return { set, events: [{ type: 'updated', actor: { kind: 'user', id: props.actor.id }, data: diff }] };
    },
  });
  if (!changed) return { case: unchanged, event: null };
  return { case: changed.case, event: changed.events[0]! };
}

/** The fields whose value the changes really move, with their old and new values. */
function changedFields(current: CaseDocument, changes: CaseChanges, snoozedUntil: Date | null | undefined): Partial<Record<keyof CaseChanges, FieldChange>> {
  const diff: Partial<Record<keyof CaseChanges, FieldChange>> = {};
  const wasSnoozed = current.snoozedUntil ?? null;
  if (snoozedUntil !== undefined && (snoozedUntil?.getTime() ?? null) !== (wasSnoozed?.getTime() ?? null)) diff.snoozedUntil = { from: wasSnoozed, to: snoozedUntil };
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

/** A snooze time from the body: null wakes; otherwise a real instant after now (422 with a pointer). */
function snoozeTime(value: string | null, now: Date): Date | null {
  if (value === null) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime()) throw unprocessable('snooze until a time in the future', [{ pointer: '/snoozedUntil', message: 'must be a time in the future' }]);
  return at;
}

function staleVersion(currentVersion: number) {
  return conflict(`the case is at version ${currentVersion}: reload it and try again`, [{ pointer: '/version', message: `is stale: the case is at version ${currentVersion}` }]);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
