import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { blockCustomer, getCustomer, unblockCustomer, type CustomerAnswer } from '../../api/customers.js';
import type { Case } from '../../api/types.js';
import { Link } from '../../app/Link.js';
import { ErasePerson } from '../../governance/ErasePerson.js';
import { useSession } from '../../session/SessionContext.js';
import { formatDateTime } from '../../ui/formatTime.js';

/** The case's customer: who they are, their other cases (public and DM) with status and tier, and for admins block/unblock with a reason and erasure. */
export function CustomerPanel({ item }: { item: Case }) {
  const id = useId();
  const { session } = useSession();
  const customerId = `${item.platform}:${item.customer.id}`;
  const [answer, setAnswer] = useState<CustomerAnswer | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const load = useCallback(() => {
    getCustomer(customerId).then(setAnswer, (error: Error) => setMessage(error.message));
  }, [customerId]);
  useEffect(load, [load]);
  const block = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      setAnswer(await blockCustomer(customerId, reason));
      setReason('');
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  const unblock = async () => {
    setMessage(null);
    try {
      await unblockCustomer(customerId);
      load();
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  const others = answer?.cases.filter((other) => other.id !== item.id) ?? [];
  const blocked = answer?.customer.blocked;
  return (
    <section aria-labelledby={`${id}-title`} className="customer-panel">
      <h2 id={`${id}-title`}>Customer</h2>
      {item.erasedAt && <p>Personal data erased {formatDateTime(item.erasedAt)}: texts, name and handle are gone.</p>}
      {blocked && <p className="form-error">Blocked by {blocked.by}: {blocked.reason}</p>}
      <p>{others.length === 0 ? 'No other cases.' : `${others.length} other case${others.length === 1 ? '' : 's'}:`}</p>
      <ul>
        {others.map((other) => (
          <li key={other.id}><Link href={`/cases/${encodeURIComponent(other.id)}`}>{other.channel === 'dm' ? 'DM' : 'Public'}: {other.preview || other.id}</Link> <span className={`status status-${other.status}`}>{other.status}</span> <span>Tier {other.tier}</span></li>
        ))}
      </ul>
      {session.user.role === 'admin' && (blocked
        ? <button type="button" className="secondary" onClick={() => void unblock()}>Unblock</button>
        : (
          <form onSubmit={(e) => void block(e)}>
            <label htmlFor={`${id}-reason`}>Reason to block</label>
            <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
            <button type="submit" className="secondary" disabled={reason.trim() === ''}>Block</button>
          </form>
        ))}
      {session.user.role === 'admin' && <p><a href={`/api/customers/${encodeURIComponent(customerId)}/export`} download>Export everything held about them (JSON)</a></p>}
      {session.user.role === 'admin' && answer && <ErasePerson customerId={customerId} handle={answer.customer.handle} onErased={load} />}
      <div role="status" aria-live="polite">{message && <p className="form-error">{message}</p>}</div>
    </section>
  );
}
