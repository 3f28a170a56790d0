import { useState } from 'react';
import { patchCase } from '../../api/cases.js';
import { ApiError } from '../../api/http.js';
import { PRIORITIES, SETTABLE_CASE_STATUSES, type Case, type CasePatch, type Priority } from '../../api/types.js';
import { useSession } from '../../session/SessionContext.js';
import { CommitSelect } from '../../ui/CommitSelect.js';
import { useAssignees } from './useAssignees.js';

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
  const assignees = useAssignees(item.id);
  return (
    <section className="controls" aria-labelledby="controls-title">
      <h2 id="controls-title">Case</h2>
      <div className="field">
        <label htmlFor="case-status">Status</label>
        <CommitSelect id="case-status" value={item.status} busy={saving} onCommit={(status) => void save({ status: status as CasePatch['status'] }, `Status set to ${status}.`)}>
          {/* `bot` is routing's own status: shown while the case is in it, never offered. */}
          {item.status === 'bot' && <option value="bot" disabled>bot</option>}
          {item.status === 'suppressed' && <option value="suppressed" disabled>suppressed</option>}
          {SETTABLE_CASE_STATUSES.map((status) => <option key={status} value={status}>{status}</option>)}
        </CommitSelect>
      </div>
      <div className="field">
        <label htmlFor="case-priority">Priority</label>
        <CommitSelect id="case-priority" value={item.priority} busy={saving} onCommit={(priority) => void save({ priority: priority as Priority }, `Priority set to ${priority}.`)}>
          {PRIORITIES.map((priority) => <option key={priority} value={priority}>{priority}</option>)}
        </CommitSelect>
      </div>
      <div className="field assignee">
        <label htmlFor="case-assignee">Assigned to</label>
        <CommitSelect id="case-assignee" value={item.assignee ?? ''} busy={saving} onCommit={(username) => void save({ assignee: username === '' ? null : username }, username === '' ? 'Unassigned.' : username === session.user.username ? 'Assigned to you.' : `Assigned to ${username}.`)}>
          <option value="">nobody</option>
          {withCurrent(assignees, item.assignee).map((username) => <option key={username} value={username}>{username === session.user.username ? `${username} (you)` : username}</option>)}
        </CommitSelect>
        {!mine && <button type="button" className="secondary" onClick={() => void save({ assignee: session.user.username }, 'Assigned to you.')}>Assign to me</button>}
      </div>
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

/** The assignable usernames, with the current assignee kept even when no longer assignable (so the select shows the truth). */
function withCurrent(assignees: string[], current: string | null): string[] {
  return current && !assignees.includes(current) ? [current, ...assignees] : assignees;
}
