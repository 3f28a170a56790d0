import { useState } from 'react';
import { patchCase } from '../../api/cases.js';
import { ApiError } from '../../api/http.js';
import { PRIORITIES, SETTABLE_CASE_STATUSES, type Case, type CasePatch, type Priority } from '../../api/types.js';
import { useSession } from '../../session/SessionContext.js';

interface CaseControlsProps {
  item: Case;
  onSaved(item: Case): void;
  onStale(): void;
}

/** Status, priority and assignment; every change sends the version it was made on, and a stale one reloads the case. */
export function CaseControls({ item, onSaved, onStale }: CaseControlsProps) {
  const { session } = useSession();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [tagText, setTagText] = useState(item.tags.join(', '));
  // A newer copy of the case (saved here, reloaded or live) brings its tags.
  const shownTags = item.tags.join(', ');
  const [tagsFrom, setTagsFrom] = useState(shownTags);
  if (tagsFrom !== shownTags) {
    setTagsFrom(shownTags);
    setTagText(shownTags);
  }

  const save = async (patch: CasePatch, done: string) => {
    setSaving(true);
    setNotice(null);
    try {
      onSaved(await patchCase(item.id, { ...patch, version: item.version }));
      setNotice({ kind: 'info', text: done });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setNotice({ kind: 'error', text: 'Someone else changed this case meanwhile. It has been reloaded: check it and make your change again.' });
        onStale();
      } else {
        setNotice({ kind: 'error', text: `Not saved: ${(error as Error).message}` });
      }
    } finally {
      setSaving(false);
    }
  };

  const mine = item.assignee === session.user.username;
  return (
    <section className="controls" aria-labelledby="controls-title">
      <h2 id="controls-title">Case</h2>
      <div className="field">
        <label htmlFor="case-status">Status</label>
        <select id="case-status" value={item.status} disabled={saving} onChange={(e) => void save({ status: e.target.value as CasePatch['status'] }, `Status set to ${e.target.value}.`)}>
          {/* `bot` is routing's own status: shown while the case is in it, never offered. */}
          {item.status === 'bot' && <option value="bot" disabled>bot</option>}
          {SETTABLE_CASE_STATUSES.map((status) => <option key={status} value={status}>{status}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="case-priority">Priority</label>
        <select id="case-priority" value={item.priority} disabled={saving} onChange={(e) => void save({ priority: e.target.value as Priority }, `Priority set to ${e.target.value}.`)}>
          {PRIORITIES.map((priority) => <option key={priority} value={priority}>{priority}</option>)}
        </select>
      </div>
      <p className="assignee">
        Assigned to: <strong>{item.assignee === null ? 'nobody' : mine ? 'you' : item.assignee}</strong>{' '}
        {!mine && <button type="button" className="secondary" disabled={saving} onClick={() => void save({ assignee: session.user.username }, 'Assigned to you.')}>Assign to me</button>}
      </p>
      <form className="field tags" onSubmit={(e) => {
        e.preventDefault();
        const tags = [...new Set(tagText.split(',').map((tag) => tag.trim()).filter(Boolean))];
        void save({ tags }, tags.length > 0 ? `Tags set to ${tags.join(', ')}.` : 'Tags removed.');
      }}>
        <label htmlFor="case-tags">Tags</label>
        <input id="case-tags" type="text" value={tagText} onChange={(e) => setTagText(e.target.value)} placeholder="comma, separated" />
        <button type="submit" className="secondary" disabled={saving || tagText === item.tags.join(', ')}>Save tags</button>
      </form>
      <div role="status" aria-live="polite">
        {notice && <p className={notice.kind === 'error' ? 'form-error' : 'form-info'}>{notice.text}</p>}
      </div>
    </section>
  );
}
