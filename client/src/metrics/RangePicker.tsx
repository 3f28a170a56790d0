import { useState } from 'react';
import { browserTimeZone, localDay, type RangeChoice, type RangePreset } from './chartRows.js';

const PRESETS: Array<[RangePreset, string]> = [['24h', 'Last 24 hours'], ['7d', 'Last 7 days'], ['30d', 'Last 30 days'], ['all', 'All time']];

/** The period the figures cover: a preset, or a custom range of days (from inclusive, to inclusive) in the browser's time zone. */
export function RangePicker({ value, onChange }: { value: RangeChoice; onChange(choice: RangeChoice): void }) {
  const today = localDay(new Date());
  const [from, setFrom] = useState(value.preset === 'custom' ? value.from : today);
  const [to, setTo] = useState(value.preset === 'custom' ? value.to : today);
  const invalid = from > to;
  return (
    <form className="range" aria-label="Choose the period" onSubmit={(e) => {
      e.preventDefault();
      if (!invalid) onChange({ preset: 'custom', from, to });
    }}>
      <div className="field">
        <label htmlFor="range-preset">Period</label>
        <select id="range-preset" value={value.preset} onChange={(e) => {
          const preset = e.target.value as RangePreset | 'custom';
          onChange(preset === 'custom' ? { preset, from, to } : { preset });
        }}>
          {PRESETS.map(([key, label]) => <option key={key} value={key}>{label}</option>)}
          <option value="custom">Custom…</option>
        </select>
      </div>
      {value.preset === 'custom' && (
        <>
          <div className="field">
            <label htmlFor="range-from">From</label>
            <input id="range-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="range-to">To</label>
            <input id="range-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} aria-invalid={invalid || undefined} />
          </div>
          <button type="submit" disabled={invalid}>Apply</button>
          <p className="muted range-zone">Whole days in your time zone ({browserTimeZone()}).</p>
          {invalid && <p className="form-error" role="alert">The start must not be after the end.</p>}
        </>
      )}
    </form>
  );
}
