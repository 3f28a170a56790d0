import type { Case } from '../api/types.js';
import { Link } from '../app/Link.js';
import { formatDateTime } from '../ui/formatTime.js';
import { Bdi } from '../ui/Bdi.js';
import { TierBadge } from '../ui/TierBadge.js';
import { ReachBadge } from './ReachBadge.js';
import { replyIssueText } from './replyIssueText.js';
import { targetLabel } from './targetLabel.js';

interface CaseRowProps {
  item: Case;
  selected: boolean;
  breached: boolean;
  now: number;
  onFocus(): void;
}

/** One inbox row: customer, channel, tier, status, time to target, the first line of the customer's message (as text), team and activity; a link to the case. */
export function CaseRow({ item, selected, breached, now, onFocus }: CaseRowProps) {
  const target = targetLabel(item, now, breached);
  const customer = item.customer.name || item.customer.handle || item.customer.id;
  return (
    <Link href={`/cases/${encodeURIComponent(item.id)}`} className={`case-row${selected ? ' selected' : ''}`} aria-current={selected ? 'true' : undefined} onFocus={onFocus} data-case-id={item.id}>
      <span className="case-row-top">
        <span className="customer">
          <Bdi>{customer}</Bdi>
          {item.customer.handle && item.customer.name && <span className="handle"> @<Bdi>{item.customer.handle}</Bdi></span>}
        </span>
        <span className="channel">{item.channel === 'dm' ? 'DM' : 'Public'}</span>
        <TierBadge tier={item.tier} />
        <ReachBadge customer={item.customer} />
        <span className={`status status-${item.status}`}>{item.status}</span>
        {item.priority !== 'normal' && <span className={`priority priority-${item.priority}`}>{item.priority}</span>}
        <span className={`due due-${target?.state ?? 'none'}${target?.state === 'missed' ? ' overdue' : ''}`}>
          {target ? target.label : 'no target'}
        </span>
        {item.replyIssue && <span className={`reply-issue reply-issue-${item.replyIssue.state}`}>{replyIssueText(item.replyIssue)}</span>}
      </span>
      <span className="preview" style={{ flexShrink: 0 }} title={item.preview || undefined}><Bdi>{item.preview || '\u00a0'}</Bdi></span>
      <span className="case-row-bottom">
        <span className="team">{item.team}</span>
        {item.messageCount !== undefined && <span className="count">{item.messageCount} {item.messageCount === 1 ? 'message' : 'messages'}</span>}
        {item.assignee && <span className="assignee">assigned to {item.assignee}</span>}
        {item.lastActivityAt && <span className="activity">last activity {formatDateTime(item.lastActivityAt)}</span>}
      </span>
    </Link>
  );
}
