import { useEffect, useRef, useState } from 'react';
import type { Case } from '../../api/types.js';
import { Link } from '../../app/Link.js';
import { useSession } from '../../session/SessionContext.js';
import { ErrorState, Loading } from '../../ui/States.js';
import { formatDateTime, timeToTarget } from '../../ui/formatTime.js';
import { TierBadge } from '../../ui/TierBadge.js';
import { useNow } from '../../ui/useNow.js';
import { CaseControls } from './CaseControls.js';
import { CaseHistory } from './CaseHistory.js';
import { EscalateForm } from './EscalateForm.js';
import { NoteBox } from './NoteBox.js';
import { PresenceNotice } from './PresenceNotice.js';
import { ReplyBox } from './ReplyBox.js';
import { RoutingInfo } from './RoutingInfo.js';
import { Thread } from './Thread.js';
import { useCaseDetail } from './useCaseDetail.js';
import { usePresence } from './usePresence.js';

/** One case: the thread, why it was routed here, status and priority, the reply box and the history. */
export function CaseView({ id }: { id: string }) {
  const { state, reload, replaceCase, addEvent, removed } = useCaseDetail(id);
  const { session } = useSession();
  // Escalated to a team this user is not in: it has left their inbox.
  const [handedOff, setHandedOff] = useState<Case | null>(null);
  const gone = handedOff !== null || removed;
  const presence = usePresence(gone ? null : id, session.user.username);
  const heading = useRef<HTMLHeadingElement>(null);
  const now = useNow();
  const ready = state.kind === 'ready';
  // The inbox's `r` opens the case to reply: focus goes to the reply box instead of the heading.
  const [focusReply] = useState(() => new URLSearchParams(window.location.search).get('focus') === 'reply');

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
  const target = timeToTarget(item.slaDueAt, now);
  const customer = item.customer.name || item.customer.handle || item.customer.id;
  return (
    <article className="case-view" aria-labelledby="case-title">
      <p><Link href="/inbox">← Inbox</Link></p>
      <header className="case-head">
        <h1 id="case-title" ref={heading} tabIndex={-1}>
          {customer}{item.customer.handle && item.customer.name ? <span className="handle"> @{item.customer.handle}</span> : null}
        </h1>
        <TierBadge tier={item.tier} />
        <span className="channel">{item.channel === 'dm' ? 'DM' : 'Public'} on {item.platform}</span>
        <span className={`status status-${item.status}`}>{item.status}</span>
        {target && item.status !== 'resolved' && <span className={`due${target.overdue ? ' overdue' : ''}`}>{target.label}</span>}
        <span className="opened">opened {formatDateTime(item.createdAt)}</span>
      </header>
      <PresenceNotice others={presence.others} />
      <div className="case-body">
        <div className="case-main">
          <section aria-labelledby="thread-title">
            <h2 id="thread-title">Conversation</h2>
            <Thread item={item} messages={messages} />
          </section>
          <ReplyBox key={item.id} item={item} onSent={reload} onTyping={(typing) => presence.typing('reply', typing)} autoFocus={focusReply} />
          <NoteBox key={`note-${item.id}`} caseId={item.id} onAdded={addEvent} onTyping={(typing) => presence.typing('note', typing)} />
        </div>
        <aside className="case-side" aria-label="Case details">
          <CaseControls item={item} onSaved={(saved) => {
            replaceCase(saved);
            // The history gained an entry: fetch it.
            reload();
          }} onStale={reload} />
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
