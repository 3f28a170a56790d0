import { useId, useState, type FormEvent } from 'react';
import { addNote, NOTE_MAX_LENGTH } from '../../api/notes.js';
import type { CaseEvent } from '../../api/types.js';
import type { NoteAnswer } from '../../../../server/routes/cases/bodies.js';

/** The internal-note form: a note for colleagues in the case's history, never sent to the customer. */
export function NoteBox({ caseId, onAdded, onTyping }: { caseId: string; onAdded(event: CaseEvent): void; onTyping(typing: boolean): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const length = [...text].length;
  const tooLong = length > NOTE_MAX_LENGTH;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setNotice(null);
    try {
      const added = await addNote(caseId, text);
      setText('');
      onTyping(false);
      setNotice({ kind: 'info', text: `Note added to the history.${mentionSummary(added.mentions)}` });
      onAdded(added.event);
    } catch (error) {
      setNotice({ kind: 'error', text: `Not added: ${(error as Error).message}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="note-box" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Internal note</h2>
      <p className="muted" id={`${id}-hint`}>Only your colleagues see notes; the customer never does. @username tells a colleague who may see this case.</p>
      <label htmlFor={`${id}-text`}>Your note</label>
      <textarea
        id={`${id}-text`}
        value={text}
        rows={3}
        onChange={(e) => {
          setText(e.target.value);
          onTyping(e.target.value !== '');
        }}
        onBlur={() => onTyping(false)}
        aria-describedby={`${id}-hint ${id}-count`}
        aria-invalid={tooLong || undefined}
      />
      <p id={`${id}-count`} className={`counter${tooLong ? ' over' : ''}`}>{length} / {NOTE_MAX_LENGTH} characters{tooLong ? `: ${length - NOTE_MAX_LENGTH} too many` : ''}</p>
      <button type="submit" className="secondary" disabled={saving || text.trim() === '' || tooLong}>{saving ? 'Adding…' : 'Add internal note'}</button>
      <div role="status" aria-live="polite">
        {notice && <p className={notice.kind === 'error' ? 'form-error' : 'form-info'}>{notice.text}</p>}
      </div>
    </form>
  );
}

/** " Told: hugo. Not told: mia (cannot see this case)." — or nothing when the note mentions nobody. */
function mentionSummary(mentions: NoteAnswer['mentions']): string {
  const told = mentions.notified.length > 0 ? ` Told: ${mentions.notified.join(', ')}.` : '';
  const notTold = mentions.unnotified.length > 0 ? ` Not told: ${mentions.unnotified.map((miss) => `${miss.username} (${miss.reason})`).join(', ')}.` : '';
  return told + notTold;
}
