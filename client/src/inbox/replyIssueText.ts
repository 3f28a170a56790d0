import type { Case } from '../api/types.js';

/** What the agent should know about a reply that has not reached the customer: "Reply failed: 403 …", "Reply waits until 10:15: 429 …". */
export function replyIssueText(issue: NonNullable<Case['replyIssue']>): string {
  const reason = issue.reason ? `: ${issue.reason}` : '';
  if (issue.state === 'failed') return `Reply failed${reason}`;
  const at = issue.retryAt ? ` until ${new Date(issue.retryAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })}` : '';
  return `Reply waits${at}${reason}`;
}
