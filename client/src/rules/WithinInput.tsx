const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface Within {
  tz: string;
  days: string[];
  from: string;
  to: string;
}

function asWithin(value: unknown): Within {
  const given = (value ?? {}) as Partial<Within>;
  return { tz: given.tz ?? 'UTC', days: Array.isArray(given.days) ? given.days : [], from: given.from ?? '09:00', to: given.to ?? '17:00' };
}

/** A weekly time window for `createdAt within`: IANA zone, days, from–to (local time in that zone). */
export function WithinInput({ id, value, onChange }: { id: string; value: unknown; onChange(value: unknown): void }) {
  const within = asWithin(value);
  const set = (patch: Partial<Within>) => onChange({ ...within, ...patch });
  return (
    <span className="within-input">
      <input id={id} type="text" aria-label="time zone" value={within.tz} onChange={(e) => set({ tz: e.target.value })} placeholder="Europe/Paris" />
      <fieldset>
        <legend>days</legend>
        {DAYS.map((day) => (
          <label key={day}>
            <input type="checkbox" checked={within.days.includes(day)} onChange={(e) => set({ days: e.target.checked ? DAYS.filter((d) => d === day || within.days.includes(d)) : within.days.filter((d) => d !== day) })} />
            {day}
          </label>
        ))}
      </fieldset>
      <input type="time" aria-label="from" value={within.from} onChange={(e) => set({ from: e.target.value })} />
      <input type="time" aria-label="to" value={within.to} onChange={(e) => set({ to: e.target.value })} />
    </span>
  );
}
