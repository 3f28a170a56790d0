import type { CaseEvent } from '../../api/types.js';
import { useSession } from '../../session/SessionContext.js';
import { formatDateTime } from '../../ui/formatTime.js';
import { Empty } from '../../ui/States.js';
import { actorOf, describeEvent } from './describeEvent.js';

/** Who did what to the case, and when (oldest first). */
export function CaseHistory({ events }: { events: CaseEvent[] }) {
  const { session } = useSession();
  if (events.length === 0) return <Empty>No history yet.</Empty>;
  return (
    <ol className="history">
      {events.map((event, index) => {
        const actor = actorOf(event, session.user.id);
        return (
          <li key={event.id ?? `${event.seq ?? index}`}>
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>{' '}
            {describeEvent(event)}
            {actor && <span className="actor"> (by {actor})</span>}
          </li>
        );
      })}
    </ol>
  );
}
