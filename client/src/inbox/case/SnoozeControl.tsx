import { useId, useState } from 'react';
import { patchCase } from '../../api/cases.js';
import type { Case } from '../../api/types.js';

const HOUR = 3_600_000;

/** Preset snooze times from now: in an hour, tomorrow at 9:00 local time, in a week. */
function presets(now: Date): Array<{ label: string; at: Date }> {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  tomorrow.setHours(9, 0, 0, 0);
  return [
    { label: 'In 1 hour', at: new Date(now.getTime() + HOUR) },
    { label: 'Tomorrow 9:00', at: tomorrow },
    { label: 'In a week', at: new Date(now.getTime() + 7 * 24 * HOUR) },
  ];
}

/** Snooze the case (it leaves the inbox until then or the customer writes), with presets and a picker; wake it now. */
export function SnoozeControl({ item, onSaved }: { item: Case; onSaved(saved: Case): void }) {
  const id = useId();
  const [picked, setPicked] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const snooze = async (until: Date | null) => {
    setMessage(null);
    try {
      onSaved(await patchCase(item.id, { snoozedUntil: until === null ? null : until.toISOString(), version: item.version }));
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Snooze</h2>
      {item.snoozedUntil
        ? <p>Snoozed until {new Date(item.snoozedUntil).toLocaleString()} or the customer writes. <button type="button" className="secondary" data-snooze-focus onClick={() => void snooze(null)}>Wake now</button></p>
        : (
          <div className="toolbar">
            {presets(new Date()).map((preset, index) => <button key={preset.label} type="button" className="secondary" data-snooze-focus={index === 0 || undefined} onClick={() => void snooze(preset.at)}>{preset.label}</button>)}
            <label htmlFor={`${id}-at`}>Until</label>
            <input id={`${id}-at`} type="datetime-local" value={picked} onChange={(e) => setPicked(e.target.value)} />
            <button type="button" className="secondary" disabled={picked === ''} onClick={() => void snooze(new Date(picked))}>Snooze</button>
          </div>
        )}
      <div role="status" aria-live="polite">{message && <p className="form-error">{message}</p>}</div>
    </section>
  );
}
