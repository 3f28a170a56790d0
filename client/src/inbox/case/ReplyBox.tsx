import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { sendReply } from '../../api/cases.js';
import type { Case, Channel } from '../../api/types.js';
import type { SavedReply } from '../../api/savedReplies.js';
import { useSession } from '../../session/SessionContext.js';
import { fillPlaceholders } from '../../../../server/savedReplies/placeholders.js';
import { channelsOf, defaultChannel, personalDataWarning } from './replySafety.js';
import { SavedReplyPicker } from './SavedReplyPicker.js';
import { xLength, X_MAX_LENGTH } from './xLength.js';

// '/' at the start of the box, or after a space or line break, then a word: what the saved-reply list searches for.
const SLASH_QUERY = /(^|\s)\/([^\s/]*)$/;

interface ReplyBoxProps {
  item: Case;
  onSent(): void;
  onTyping?(typing: boolean): void;
  autoFocus?: boolean;
  /** Resolve the case after a reply is queued (the "Send and resolve" button, Ctrl/Cmd+Shift+Enter). */
  onResolve?(): Promise<void>;
  /** Text to start with (a failed reply being edited). */
  initialText?: string;
  /** Grows each time the case view's `/` key asks for the saved replies. */
  savedRepliesRequest?: number;
}

/**
 * The reply form: public reply or DM (a DM case offers only DMs; DM and
 * Tier 2 cases start on DM), '/' for saved replies (inserted with their
 * placeholders filled, so the counter counts what is sent), a live
 * 280-character counter for public replies, a warning before a public reply
 * with personal data (refused outright on Tier 2), a sent/failed notice.
 * Ctrl/Cmd+Enter sends.
 */
export function ReplyBox({ item, onSent, onTyping, autoFocus = false, onResolve, initialText = '', savedRepliesRequest = 0 }: ReplyBoxProps) {
  const id = useId();
  const [text, setText] = useState(initialText);
  const [channel, setChannel] = useState<Channel>(() => defaultChannel(item));
  const [confirmedPublic, setConfirmedPublic] = useState(false);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const { session } = useSession();
  const [picking, setPicking] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  // Only a request made while this box is shown opens the list (the box is remounted per case).
  const seenRequest = useRef(savedRepliesRequest);
  useEffect(() => {
    if (savedRepliesRequest === seenRequest.current) return;
    seenRequest.current = savedRepliesRequest;
    setPicking(true);
  }, [savedRepliesRequest]);
  const slash = SLASH_QUERY.exec(text);
  const insert = (reply: SavedReply) => {
    const filled = fillPlaceholders(reply.text, { 'author.handle': item.customer.handle, 'author.name': item.customer.name, 'agent.name': session.user.username, 'case.id': item.id });
    const before = slash ? text.slice(0, text.length - slash[2]!.length - 1) : text;
    setText(before + filled);
    setPicking(false);
    onTyping?.(true);
    box.current?.focus();
  };
  const length = xLength(text);
  const tooLong = channel === 'public' && length > X_MAX_LENGTH;
  const exposed = personalDataWarning(text, channel);
  const privateCase = item.tier === 2;
  const blockedByPrivacy = exposed !== null && (privateCase || !confirmedPublic);
  const canSend = !sending && text.trim() !== '' && !tooLong && !blockedByPrivacy;

  const send = async (resolveAfter: boolean) => {
    if (!canSend) return;
    setSending(true);
    setNotice(null);
    try {
      const { reply } = await sendReply(item.id, text, channel);
      setText('');
      setConfirmedPublic(false);
      onTyping?.(false);
      setNotice({ kind: 'info', text: `Reply ${reply.status}.` });
      onSent();
      if (resolveAfter) await onResolve?.();
    } catch (error) {
      setNotice({ kind: 'error', text: `Not sent: ${(error as Error).message}` });
    } finally {
      setSending(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };
  const sendKeys = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Ctrl/Cmd+/ opens the saved replies wherever the cursor is (a typed '/' only at a word's start); the choice goes at the end.
    if (event.key === '/' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      setPicking(true);
      return;
    }
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    void send(event.shiftKey && onResolve !== undefined);
  };
  const channels = channelsOf(item);

  return (
    <form className="reply" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Reply</h2>
      {channels.length > 1
        ? (
            <fieldset>
              <legend>Send as</legend>
              <label><input type="radio" name={`${id}-channel`} value="public" checked={channel === 'public'} onChange={() => setChannel('public')} /> Public reply</label>
              <label><input type="radio" name={`${id}-channel`} value="dm" checked={channel === 'dm'} onChange={() => setChannel('dm')} /> Direct message</label>
            </fieldset>
          )
        : <p className="reply-channel">Sent as a direct message (this is a DM conversation).</p>}
      {privateCase && channels.length > 1 && <p className="form-info">Tier 2 (private) case: answer by DM; a public reply must not contain personal data.</p>}
      <label htmlFor={`${id}-text`}>Your reply</label>
      <textarea ref={box} id={`${id}-text`} autoFocus={autoFocus} value={text} rows={4} onKeyDown={sendKeys} onChange={(e) => {
        setText(e.target.value);
        onTyping?.(e.target.value !== '');
        // Typing '/' opens the saved replies; the picker's search takes over from there.
        if (e.target.value.endsWith('/') && SLASH_QUERY.test(e.target.value)) setPicking(true);
      }} onBlur={() => onTyping?.(false)} aria-describedby={`${id}-count${exposed ? ` ${id}-privacy` : ''}`} aria-invalid={tooLong || exposed !== null || undefined} />
      {picking && <SavedReplyPicker query={slash?.[2] ?? ''} onChoose={insert} onClose={() => { setPicking(false); box.current?.focus(); }} />}
      <p id={`${id}-count`} className={`counter${tooLong ? ' over' : ''}`}>
        {channel === 'public' ? `${length} / ${X_MAX_LENGTH} characters${tooLong ? `: ${length - X_MAX_LENGTH} too many for a public reply` : ''}` : `${length} characters (direct message)`}
      </p>
      {exposed && (
        <div id={`${id}-privacy`} className="privacy-warning" role="alert">
          <p>This public reply contains {exposed}: everyone can read it.{privateCase ? ' On a Tier 2 case it cannot be sent publicly: send it as a DM or remove it.' : ''}</p>
          {privateCase
            ? <button type="button" onClick={() => setChannel('dm')}>Switch to a DM</button>
            : <label><input type="checkbox" checked={confirmedPublic} onChange={(e) => setConfirmedPublic(e.target.checked)} /> Send it publicly anyway</label>}
        </div>
      )}
      <div className="reply-actions">
        <button type="submit" disabled={!canSend}>{sending ? 'Sending…' : channel === 'public' ? 'Send public reply' : 'Send DM'}</button>
        {onResolve && <button type="button" disabled={!canSend} onClick={() => void send(true)}>Send and resolve</button>}
        <span className="hint">Ctrl/⌘+Enter sends{onResolve ? ', with Shift also resolves' : ''}</span>
      </div>
      <div role="status" aria-live="polite">
        {notice && <p className={notice.kind === 'error' ? 'form-error' : 'form-info'}>{notice.text}</p>}
      </div>
    </form>
  );
}
