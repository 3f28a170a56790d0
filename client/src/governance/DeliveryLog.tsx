import { useCallback, useEffect, useState } from 'react';
import { listDeliveries, redeliver, type PresentedDelivery } from '../api/governance.js';
import { formatDateTime } from '../ui/formatTime.js';

/** A webhook's recent deliveries: status, attempts, last response, next attempt; each can be sent again. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const [deliveries, setDeliveries] = useState<PresentedDelivery[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    listDeliveries(webhookId).then((answer) => setDeliveries(answer.deliveries), (error: Error) => setMessage(error.message));
  }, [webhookId]);
  useEffect(load, [load]);
  const again = async (delivery: PresentedDelivery) => {
    try {
      await redeliver(webhookId, delivery.id);
      setMessage(`Delivery of ${delivery.type} queued again.`);
      load();
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  if (!deliveries) return <p>Loading deliveries…</p>;
  if (deliveries.length === 0) return <p>No deliveries yet.</p>;
  return (
    <>
      <table>
        <caption>Recent deliveries</caption>
        <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last response</th><th scope="col">Next attempt</th><th scope="col">Action</th></tr></thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <td>{delivery.type}</td>
              <td>{delivery.status}</td>
              <td>{delivery.attempts}</td>
              <td>{delivery.lastStatusCode ?? delivery.lastError ?? '—'}</td>
              <td>{delivery.nextAttemptAt ? formatDateTime(delivery.nextAttemptAt) : '—'}</td>
              <td><button type="button" className="secondary" onClick={() => void again(delivery)}>Redeliver</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div role="status" aria-live="polite">{message && <p>{message}</p>}</div>
    </>
  );
}
