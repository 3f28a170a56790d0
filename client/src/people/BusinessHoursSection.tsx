import { useId, useState } from 'react';
import type { Team } from '../api/people.js';
import { BusinessHoursForm } from './BusinessHoursForm.js';

/** Each team's business hours, one team at a time: response targets count only these hours. */
export function BusinessHoursSection({ teams, onSaved }: { teams: readonly Team[]; onSaved(team: Team): void }) {
  const id = useId();
  const [name, setName] = useState(teams[0]?.name ?? '');
  const team = teams.find((item) => item.name === name);
  return (
    <section className="business-hours" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Business hours</h2>
      <p className="muted">Response targets count only these hours; a pending or snoozed case's clock stands still.</p>
      <div className="people-field">
        <label htmlFor={`${id}-team`}>Team</label>
        <select id={`${id}-team`} value={name} onChange={(e) => setName(e.target.value)}>
          {teams.map((item) => <option key={item.name} value={item.name}>{item.displayName ?? item.name}</option>)}
        </select>
      </div>
      {team && <BusinessHoursForm key={team.name} team={team} onSaved={onSaved} />}
    </section>
  );
}
