import { useEffect, useRef, useState } from 'react';
import { patchCase, retryReply } from '../../api/cases.js';
import type { Case } from '../../api/types.js';
import { Link } from '../../app/Link.js';
import { useSession } from '../../session/SessionContext.js';
import { Bdi } from '../../ui/Bdi.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { formatDateTime } from '../../ui/formatTime.js';
import { targetLabel } from '../targetLabel.js';
import { TierBadge } from '../../ui/TierBadge.js';
import { useNow } from '../../ui/useNow.js';
import { CaseControls } from './CaseControls.js';
import { CaseHistory } from './CaseHistory.js';
import { EscalateForm } from './EscalateForm.js';
import { EscalationBanner } from './EscalationBanner.js';
import { NoteBox } from './NoteBox.js';
import { PresenceNotice } from './PresenceNotice.js';
import { CustomerPanel } from './CustomerPanel.js';
import { SnoozeControl } from './SnoozeControl.js';
import { ReplyBox } from './ReplyBox.js';
import { RoutingInfo } from './RoutingInfo.js';
import { Thread } from './Thread.js';
import { useCaseDetail } from './useCaseDetail.js';
import { useCaseKeys } from './useCaseKeys.js';
import { navigate } from '../../app/router.js';
import { neighbourOf, recallInbox, selectRemembered } from '../inboxMemory.js';
import { usePresence } from './usePresence.js';
import { undoStatus } from '../undoStatus.js';

/** One case: the thread, why it was routed here, status and priority, the reply box and the history. */
export function CaseView({ id }: { id: string }) {
  const { state, reload, replaceCase, addEvent, removed } = useCaseDetail(id);
  const { session } = useSession();
  // Escalated to a team this user is not in: it has left their inbox.
  const [handedOff, setHandedOff] = useState<Case | null>(null);
  const [savedRepliesRequest, setSavedRepliesRequest] = useState(0);
  const gone = handedOff !== null || removed;
  const presence = usePresence(gone ? null : id, session.user.username);
  const heading = useRef<HTMLHeadingElement>(null);
  const now = useNow();
  const ready = state.kind === 'ready';
  // The inbox's `r` opens the case to reply: focus goes to the reply box instead of the heading.
  const [focusReply] = useState(() => new URLSearchParams(window.location.search).get('focus') === 'reply');
  const editId = new URLSearchParams(window.location.search).get('edit');
  const [keyNotice, setKeyNotice] = useState<{ text: string; undo?: () => void } | null>(null);
  const detail = state.kind === 'ready' ? state.detail : null;
  const go = (step: 1 | -1) => {
    const other = neighbourOf(id, step);
    if (!other) {
      setKeyNotice({ text: step === 1 ? 'This is the last case of your list.' : 'This is the first case of your list.' });
      return;
    }
    selectRemembered(other);
    navigate(`/cases/${encodeURIComponent(other)}`);
  };
  useCaseKeys({
    next: () => go(1),
    previous: () => go(-1),
    back: () => navigate(`/inbox${recallInbox()?.address ?? ''}`),
    snooze: () => document.querySelector<HTMLElement>('[data-snooze-focus]')?.focus(),
    savedReplies: () => setSavedRepliesRequest((count) => count + 1),
    resolve: () => {
      if (!detail || detail.case.status === 'resolved') return;
      const before = detail.case;
      // Resolving without a reply is allowed, and undoable: the notice offers it.
      const answered = detail.messages.some((message) => message.direction === 'out' && message.status === 'sent');
      void patchCase(before.id, { status: 'resolved', version: before.version }).then((saved) => {
        replaceCase(saved);
        reload();
        setKeyNotice({
          text: answered ? 'Resolved.' : 'Resolved without a reply from us.',
          undo: () => void patchCase(saved.id, { status: undoStatus(before.status), version: saved.version }).then((back) => {
            replaceCase(back);
            reload();
            setKeyNotice({ text: `Back to ${back.status}.` });
          }, (error: Error) => setKeyNotice({ text: `Undo failed: ${error.message}` })),
        });
      }, (error: Error) => setKeyNotice({ text: `Not resolved: ${error.message}` }));
    },
  }, ready && !gone);

  // Focus the heading once the case is there, so keyboard and screen-reader users start at the top of it.
  useEffect(() => {
    if ((ready && !focusReply) || gone) heading.current?.focus();
  }, [ready, focusReply, gone]);

  if (handedOff) {
    return (
      <section className="case-view" aria-labelledby="handed-off-title">
        <h1 id="handed-off-title" ref={heading} tabIndex={-1}>Escalated</h1>
        <p role="status">The case is now Tier {handedOff.tier}, team {handedOff.team}, and has left your teams’ inbox.</p>
        <p><Link href="/inbox">Back to the inbox</Link></p>
      </section>
    );
  }
  if (removed) {
    return (
      <section className="case-view" aria-labelledby="moved-title">
        <h1 id="moved-title" ref={heading} tabIndex={-1}>Case moved</h1>
        <p role="status">This case was just moved to a team you are not in (escalated or reassigned by someone else), so it has left your inbox. Anything you had not sent was not sent.</p>
        <p><Link href="/inbox">Back to the inbox</Link></p>
      </section>
    );
  }
  if (state.kind === 'loading') return <Loading label="Loading the case" />;
  if (state.kind === 'error') {
    return (
      <section className="case-view">
        <p><Link href="/inbox">← Inbox</Link></p>
        {state.status === 404
          ? <ErrorState message="This case does not exist, or it belongs to a team you are not in." />
          : <ErrorState message={`Could not load the case: ${state.message}`} onRetry={reload} />}
      </section>
    );
  }

  const { case: item, messages, events } = state.detail;
  // A failed reply being edited (the toast's or the thread's Edit): its text starts the reply box.
  const editText = messages.find((message) => message.id === editId)?.text;
  const resolve = async () => {
    replaceCase(await patchCase(item.id, { status: 'resolved', version: item.version }));
    reload();
  };
  const target = targetLabel(item, now);
  const customer = item.customer.name || item.customer.handle || item.customer.id;
  return (
    <article className="case-view" aria-labelledby="case-title">
      <p><Link href={`/inbox${recallInbox()?.address ?? ''}`}>← Inbox</Link> <span className="hint">j / k next and previous case, Esc back to the list, e resolve, z snooze, / saved replies</span></p>
      <header className="case-head">
        <h1 id="case-title" ref={heading} tabIndex={-1}>
          <Bdi>{customer}</Bdi>{item.customer.handle && item.customer.name ? <span className="handle"> @<Bdi>{item.customer.handle}</Bdi></span> : null}
        </h1>
        <TierBadge tier={item.tier} />
        <span className="channel">{item.channel === 'dm' ? 'DM' : 'Public'} on {item.platform}</span>
        <span className={`status status-${item.status}`}>{item.status}</span>
        {target && <span className={`due due-${target.state}${target.state === 'missed' ? ' overdue' : ''}`}>{target.label}</span>}
        <span className="opened">opened {formatDateTime(item.createdAt)}</span>
      </header>
      <PresenceNotice others={presence.others} />
      <EscalationBanner events={events} />
      <div role="status" aria-live="polite" className="key-notice">
        {keyNotice && <p className="form-info">{keyNotice.text}{keyNotice.undo && <> <button type="button" className="secondary" onClick={keyNotice.undo}>Undo</button></>}</p>}
      </div>
      <div className="case-body">
        <div className="case-main">
          <section aria-labelledby="thread-title">
            <h2 id="thread-title">Conversation</h2>
            <Thread item={item} messages={messages} notes={events} onRetry={(replyId) => void retryReply(item.id, replyId).then(reload, reload)} />
          </section>
          <ReplyBox key={`${item.id}:${editId ?? ''}:${editText !== undefined}`} item={item} onSent={reload} onResolve={resolve} initialText={editText} onTyping={(typing) => presence.typing('reply', typing)} autoFocus={focusReply || editText !== undefined} savedRepliesRequest={savedRepliesRequest} />
          <NoteBox key={`note-${item.id}`} caseId={item.id} onAdded={addEvent} onTyping={(typing) => presence.typing('note', typing)} />
        </div>
        <aside className="case-side" aria-label="Case details">
          <CaseControls item={item} onSaved={(saved) => {
            replaceCase(saved);
            // The history gained an entry: fetch it.
            reload();
          }} onStale={reload} />
          <SnoozeControl item={item} onSaved={(saved) => { replaceCase(saved); reload(); }} />
          <CustomerPanel key={`customer-${item.id}`} item={item} />
          <RoutingInfo item={item} />
          <EscalateForm item={item} onEscalated={(escalated) => {
            if (session.user.role !== 'admin' && !session.user.teams.includes(escalated.team)) {
              setHandedOff(escalated);
              return;
            }
            replaceCase(escalated);
            reload();
          }} />
          <section aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            <CaseHistory events={events} />
          </section>
        </aside>
      </div>
    </article>
  );
}
