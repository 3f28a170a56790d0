import type { Priority } from '../routing/index.js';
import { allTeamsScope, type Store } from '../store/index.js';

const RAISED: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };
const ACTOR = { kind: 'system' as const, id: 'sla' };

/**
 * Marks every open case whose response-time target has passed: it records
 * the breach, raises the priority one step and appends an `sla_breach` event.
 * Due times are stored, so a restart loses nothing; returns the cases marked.
 */
export async function markSlaBreaches(props: { store: Store; now?: Date }): Promise<string[]> {
  const { store } = props;
  const now = props.now ?? new Date();
  const due = await store.collections.cases.find(allTeamsScope(), { status: { $in: ['new', 'open'] }, slaDueAt: { $lte: now }, slaBreachedAt: null }, { fields: ['_id'], limit: 1000 });
  const marked: string[] = [];
  for (const { _id } of due) {
    const breached = await store.exclusive(`case:${_id}`, async () => {
      // Reserve the event's seq on the case first, then write the event: a crash in between leaves a gap, never a clash.
      const updated = await store.collections.cases.findOneAndUpdate(
        allTeamsScope(),
        { _id, status: { $in: ['new', 'open'] }, slaDueAt: { $lte: now }, slaBreachedAt: null },
        { $set: { slaBreachedAt: now, updatedAt: now }, $inc: { lastEventSeq: 1, version: 1 } },
        { returnDocument: 'after' },
      );
      if (!updated) return false;
      const priority = RAISED[updated.priority];
      if (priority !== updated.priority) await store.collections.cases.updateOne(allTeamsScope(), { _id }, { $set: { priority } });
      await store.collections.caseEvents.insertOne({ caseId: _id, seq: updated.lastEventSeq, type: 'sla_breach', at: now, actor: ACTOR, data: { dueAt: updated.slaDueAt, priority: { from: updated.priority, to: priority } } });
      return true;
    });
    if (breached) marked.push(_id);
  }
  return marked;
}
