import type { CaseEvent } from '../../api/types.js';
import { useSession } from '../../session/SessionContext.js';
import { formatDateTime } from '../../ui/formatTime.js';
import { Empty } from '../../ui/States.js';
import { actorOf, describeEvent } from './describeEvent.js';

/** Who did what to the case, and when (oldest first); internal notes stand out from what the customer sees. */
export function CaseHistory({ events }: { events: CaseEvent[] }) {
  const { session } = useSession();
  if (events.length === 0) return <Empty>No history yet.</Empty>;
  return (
    <ol className="history">
      {events.map((event, index) => {
        const key = event.id ?? `${event.seq ?? index}`;
        if (event.type === 'note') return <NoteEntry key={key} event={event} myUsername={session.user.username} />;
        const actor = actorOf(event, session.user.id);
        return (
          <li key={key}>
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>{' '}
            {describeEvent(event)}
            {actor && <span className="actor"> (by {actor})</span>}
          </li>
        );
      })}
    </ol>
  );
}

/** A note: labelled in words (not only by its colour), with its author and its text shown as text. */
function NoteEntry({ event, myUsername }: { event: CaseEvent; myUsername: string }) {
  const author = typeof event.data?.author === 'string' ? event.data.author : null;
  const text = typeof event.data?.text === 'string' ? event.data.text : '';
  return (
    <li className="history-note">
      <time dateTime={event.at}>{formatDateTime(event.at)}</time>{' '}
      <strong className="note-label">Internal note</strong>
      {author && <span className="actor"> by {author === myUsername ? 'you' : author}</span>}
      <p className="note-text">{text}</p>
    </li>
  );
}
