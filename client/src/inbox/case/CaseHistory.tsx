import type { CaseEvent } from '../../api/types.js';
import { formatDateTime } from '../../ui/formatTime.js';
import { Empty } from '../../ui/States.js';

const EVENT_NAMES: Record<string, string> = {
  created: 'Case opened',
  message: 'Customer wrote',
  updated: 'Updated',
  reply: 'Reply sent',
  escalated: 'Escalated',
  sla_breach: 'Response-time target missed',
};

/** A short, readable summary of what an event changed (its data's scalar fields). */
function summary(event: CaseEvent): string {
  if (!event.data) return '';
  return Object.entries(event.data)
    .filter(([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(', ');
}

/** Who did what to the case, and when (oldest first). */
export function CaseHistory({ events }: { events: CaseEvent[] }) {
  if (events.length === 0) return <Empty>No history yet.</Empty>;
  return (
    <ol className="history">
      {events.map((event, index) => (
        <li key={event.id ?? `${event.seq ?? index}`}>
          <time dateTime={event.at}>{formatDateTime(event.at)}</time>{' '}
          <strong>{EVENT_NAMES[event.type] ?? event.type}</strong>
          {event.actor && <span className="actor"> by {event.actor.kind === 'user' ? event.actor.id ?? 'a user' : event.actor.id ?? event.actor.kind}</span>}
          {summary(event) && <span className="event-data"> ({summary(event)})</span>}
        </li>
      ))}
    </ol>
  );
}
