import { useId, useState, type FormEvent } from 'react';
import { updateTeam, type Team } from '../api/people.js';
import type { AssignmentMode } from '../../../server/store/schemas/assignmentMode.js';

const MODES: Record<AssignmentMode, string> = { manual: 'Manual', 'round-robin': 'Round-robin', balanced: 'Balanced (fewest open)' };

/** A team's assignment mode and capacity (open cases per agent; empty: no limit), saved with PATCH /api/teams/:name. */
export function AssignmentCell({ team }: { team: Team }) {
  const id = useId();
  const [mode, setMode] = useState<AssignmentMode>(team.assignment.mode);
  const [capacity, setCapacity] = useState(team.assignment.capacity ? String(team.assignment.capacity) : '');
  const [message, setMessage] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      const saved = await updateTeam(team.name, { assignment: { mode, capacity: capacity.trim() === '' ? null : Number(capacity) } });
      setMessage(`Saved: ${MODES[saved.assignment.mode]}`);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  return (
    <form className="toolbar" onSubmit={(e) => void save(e)} aria-label={`Assignment of team ${team.name}`}>
      <label className="visually-hidden" htmlFor={`${id}-mode`}>Assignment mode of {team.name}</label>
      <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value as AssignmentMode)}>
        {(Object.keys(MODES) as AssignmentMode[]).map((option) => <option key={option} value={option}>{MODES[option]}</option>)}
      </select>
      <label htmlFor={`${id}-capacity`}>Capacity</label>
      <input id={`${id}-capacity`} type="number" min={1} max={1000} inputMode="numeric" size={4} value={capacity} onChange={(e) => setCapacity(e.target.value)} placeholder="no limit" />
      <button type="submit" className="secondary">Save</button>
      <span role="status" aria-live="polite">{message}</span>
    </form>
  );
}
