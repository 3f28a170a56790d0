import { useId, useState, type FormEvent } from 'react';
import { sendReply } from '../../api/cases.js';
import type { Case, Channel } from '../../api/types.js';
import { xLength, X_MAX_LENGTH } from './xLength.js';

/** The reply form: public reply or DM, a live 280-character counter for public replies, a sent/failed notice. */
export function ReplyBox({ item, onSent, onTyping, autoFocus = false }: { item: Case; onSent(): void; onTyping?(typing: boolean): void; autoFocus?: boolean }) {
  const id = useId();
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<Channel>(item.channel);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const length = xLength(text);
  const tooLong = channel === 'public' && length > X_MAX_LENGTH;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setNotice(null);
    try {
      const { reply } = await sendReply(item.id, text, channel);
      setText('');
      onTyping?.(false);
      setNotice({ kind: 'info', text: `Reply ${reply.status}.` });
      onSent();
    } catch (error) {
      setNotice({ kind: 'error', text: `Not sent: ${(error as Error).message}` });
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="reply" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Reply</h2>
      <fieldset>
        <legend>Send as</legend>
        <label><input type="radio" name={`${id}-channel`} value="public" checked={channel === 'public'} onChange={() => setChannel('public')} /> Public reply</label>
        <label><input type="radio" name={`${id}-channel`} value="dm" checked={channel === 'dm'} onChange={() => setChannel('dm')} /> Direct message</label>
      </fieldset>
      <label htmlFor={`${id}-text`}>Your reply</label>
      <textarea id={`${id}-text`} autoFocus={autoFocus} value={text} rows={4} onChange={(e) => {
        setText(e.target.value);
        onTyping?.(e.target.value !== '');
      }} onBlur={() => onTyping?.(false)} aria-describedby={`${id}-count`} aria-invalid={tooLong || undefined} />
      <p id={`${id}-count`} className={`counter${tooLong ? ' over' : ''}`}>
        {channel === 'public' ? `${length} / ${X_MAX_LENGTH} characters${tooLong ? `: ${length - X_MAX_LENGTH} too many for a public reply` : ''}` : `${length} characters (direct message)`}
      </p>
      <button type="submit" disabled={sending || text.trim() === '' || tooLong}>{sending ? 'Sending…' : channel === 'public' ? 'Send public reply' : 'Send DM'}</button>
      <div role="status" aria-live="polite">
        {notice && <p className={notice.kind === 'error' ? 'form-error' : 'form-info'}>{notice.text}</p>}
      </div>
    </form>
  );
}
