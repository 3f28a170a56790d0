import { useEffect, useState } from 'react';
import { retryReply } from '../api/cases.js';
import type { Case } from '../api/types.js';
import { navigate } from '../app/router.js';
import { useLive } from '../live/LiveContext.js';
import { useSession } from '../session/SessionContext.js';
import { Bdi } from '../ui/Bdi.js';
import { replyIssueText } from './replyIssueText.js';

interface Toast {
  key: string;
  item: Case;
  issue: NonNullable<Case['replyIssue']>;
  note?: string;
}

/**
 * Live toasts for the user's own replies that wait or failed (case:upsert
 * with a replyIssue they sent): the reason, Retry (failed ones), Edit (opens
 * the case with the text in the reply box) and Dismiss. Polite live region:
 * it never takes focus from what the agent is doing.
 */
export function ReplyIssueToasts() {
  const live = useLive();
  const { session } = useSession();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [seen] = useState(() => new Set<string>());

  useEffect(() => {
    if (!live) return;
    return live.on('case:upsert', ({ case: item }) => {
      const issue = item.replyIssue;
      if (!issue || issue.senderId !== session.user.id) return;
      const key = `${issue.replyId}:${issue.state}`;
      if (seen.has(key)) return;
      seen.add(key);
      setToasts((current) => [...current.filter((toast) => toast.issue.replyId !== issue.replyId), { key, item, issue }]);
    });
  }, [live, session.user.id, seen]);

  const dismiss = (key: string) => setToasts((current) => current.filter((toast) => toast.key !== key));
  const retry = async (toast: Toast) => {
    try {
      await retryReply(toast.item.id, toast.issue.replyId);
      dismiss(toast.key);
    } catch (error) {
      setToasts((current) => current.map((other) => (other.key === toast.key ? { ...other, note: `Retry failed: ${(error as Error).message}` } : other)));
    }
  };

  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.key} className={`toast toast-${toast.issue.state}`}>
          <p>
            Your reply to <Bdi>{toast.item.customer.name || toast.item.customer.handle || toast.item.customer.id}</Bdi>: {replyIssueText(toast.issue)}
          </p>
          {toast.note && <p className="form-error">{toast.note}</p>}
          <div className="toast-actions">
            {toast.issue.state === 'failed' && <button type="button" onClick={() => void retry(toast)}>Retry</button>}
            <button type="button" className="secondary" onClick={() => {
              dismiss(toast.key);
              navigate(`/cases/${encodeURIComponent(toast.item.id)}?edit=${encodeURIComponent(toast.issue.replyId)}`);
            }}>Edit</button>
            <button type="button" className="secondary" onClick={() => dismiss(toast.key)}>Dismiss</button>
          </div>
        </div>
      ))}
    </div>
  );
}
