import type { Case } from '../api/types.js';
import { Link } from '../app/Link.js';
import { formatDateTime, timeToTarget } from '../ui/formatTime.js';
import { TierBadge } from '../ui/TierBadge.js';

interface CaseRowProps {
  item: Case;
  selected: boolean;
  breached: boolean;
  now: number;
  onFocus(): void;
}

/** One inbox row: customer, channel, tier, status, time to target, the first line of the customer's message (as text), team and activity; a link to the case. */
export function CaseRow({ item, selected, breached, now, onFocus }: CaseRowProps) {
  const target = item.status === 'resolved' || item.status === 'bot' ? null : timeToTarget(item.slaDueAt, now);
  const overdue = breached || target?.overdue === true;
  const customer = item.customer.name || item.customer.handle || item.customer.id;
  return (
    <Link href={`/cases/${encodeURIComponent(item.id)}`} className={`case-row${selected ? ' selected' : ''}`} aria-current={selected ? 'true' : undefined} onFocus={onFocus} data-case-id={item.id}>
      <span className="case-row-top">
        <span className="customer">
          {customer}
          {item.customer.handle && item.customer.name && <span className="handle"> @{item.customer.handle}</span>}
        </span>
        <span className="channel">{item.channel === 'dm' ? 'DM' : 'Public'}</span>
        <TierBadge tier={item.tier} />
        <span className={`status status-${item.status}`}>{item.status}</span>
        {item.priority !== 'normal' && <span className={`priority priority-${item.priority}`}>{item.priority}</span>}
        <span className={`due${overdue ? ' overdue' : ''}`}>
          {target ? target.label : breached ? 'target missed' : 'no target'}
        </span>
      </span>
      <span className="preview" style={{ flexShrink: 0 }} title={item.preview || undefined}>{item.preview || '\u00a0'}</span>
      <span className="case-row-bottom">
        <span className="team">{item.team}</span>
        {item.messageCount !== undefined && <span className="count">{item.messageCount} {item.messageCount === 1 ? 'message' : 'messages'}</span>}
        {item.assignee && <span className="assignee">assigned to {item.assignee}</span>}
        {item.lastActivityAt && <span className="activity">last activity {formatDateTime(item.lastActivityAt)}</span>}
      </span>
    </Link>
  );
}
