import { useEffect, useId, useState } from 'react';
import { getAvailability, putAvailability, type Availability } from '../api/availability.js';

const LABELS: Record<Availability, string> = { online: 'Online', away: 'Away', offline: 'Offline' };

/** The header's switch: online (cases are assigned to me), away, offline (my unanswered cases go back to the queue). */
export function AvailabilitySwitch() {
  const id = useId();
  const [status, setStatus] = useState<Availability | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getAvailability().then((current) => live && setStatus(current), (failure: Error) => live && setError(failure.message));
    return () => { live = false; };
  }, []);
  const change = async (next: Availability) => {
    setError(null);
    try {
      setStatus(await putAvailability(next));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <span className={`availability availability-${status ?? 'unknown'}`}>
      <label htmlFor={id}>Availability</label>{' '}
      <select id={id} value={status ?? ''} disabled={status === null} onChange={(e) => void change(e.target.value as Availability)}>
        {status === null && <option value="">…</option>}
        {(Object.keys(LABELS) as Availability[]).map((option) => <option key={option} value={option}>{LABELS[option]}</option>)}
      </select>
      <span role="status" aria-live="polite">{error && <span className="form-error"> {error}</span>}</span>
    </span>
  );
}
