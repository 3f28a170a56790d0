import type { Team } from '../api/people.js';
import { FieldErrors } from '../rules/FieldErrors.js';
import type { PointedError } from '../api/rules.js';

interface TeamChecksProps {
  /** Prefix of the checkboxes' ids (unique on the page). */
  id: string;
  teams: readonly Team[];
  selected: readonly string[];
  disabled?: boolean;
  /** Why the boxes are disabled (said beside them). */
  hint?: string;
  errors: PointedError[];
  onChange(selected: string[]): void;
}

/** A user's teams as a group of checkboxes, with the server's errors about them. */
export function TeamChecks({ id, teams, selected, disabled, hint, errors, onChange }: TeamChecksProps) {
  const toggle = (name: string, on: boolean) => onChange(on ? [...selected, name] : selected.filter((team) => team !== name));
  return (
    <fieldset className="team-checks" aria-describedby={errors.length > 0 ? `${id}-errors` : undefined} aria-invalid={errors.length > 0 || undefined}>
      <legend>Teams</legend>
      {teams.map((team) => (
        <label key={team.name} htmlFor={`${id}-${team.name}`}>
          <input id={`${id}-${team.name}`} type="checkbox" checked={selected.includes(team.name)} disabled={disabled} onChange={(e) => toggle(team.name, e.target.checked)} />
          {' '}{team.displayName ?? team.name} <span className="muted">(tier {team.tier})</span>
        </label>
      ))}
      {hint && <p className="muted">{hint}</p>}
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </fieldset>
  );
}
