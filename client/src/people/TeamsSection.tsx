import { useId, useState, type FormEvent } from 'react';
import { createTeam, deleteTeam, type Team } from '../api/people.js';
import { TIERS, type Tier } from '../api/types.js';
import { AssignmentCell } from './AssignmentCell.js';
import { FieldErrors } from '../rules/FieldErrors.js';
import { errorsAt, formErrorsOf, NO_ERRORS, type FormErrors } from './formErrors.js';
import { TextField } from './PeopleFields.js';

const TIER_NAMES: Record<Tier, string> = { 0: 'Tier 0: bot', 1: 'Tier 1: agents', 2: 'Tier 2: private help desk' };

interface TeamsSectionProps {
  teams: readonly Team[];
  onCreated(team: Team): void;
  onDeleted(name: string): void;
}

/** The teams with their tiers; add one; delete one nothing refers to, once confirmed (the server says what still does). */
export function TeamsSection({ teams, onCreated, onDeleted }: TeamsSectionProps) {
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const remove = async (name: string) => {
    setDeleteError(null);
    setConfirming(null);
    try {
      await deleteTeam(name);
      onDeleted(name);
    } catch (error) {
      setDeleteError((error as Error).message);
    }
  };
  return (
    <section className="people-teams" aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      <table className="people-table">
        <thead><tr><th scope="col">Team</th><th scope="col">Name shown</th><th scope="col">Tier</th><th scope="col">Assignment</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.name}>
              <th scope="row"><code>{team.name}</code></th>
              <td>{team.displayName ?? <span className="muted">—</span>}</td>
              <td>{TIER_NAMES[team.tier]}</td>
              <td><AssignmentCell team={team} /></td>
              <td>
                {confirming === team.name ? (
                  <span className="toolbar">
                    {/* Focus goes to the question's answer, so a keyboard user is never left on a vanished button. */}
                    <button type="button" className="danger" autoFocus onClick={() => void remove(team.name)}>Delete {team.name}</button>
                    <button type="button" className="secondary" onClick={() => setConfirming(null)}>Keep</button>
                  </span>
                ) : (
                  <button type="button" className="link-button" onClick={() => { setDeleteError(null); setConfirming(team.name); }} aria-label={`Delete team ${team.name}`}>Delete</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div role="status" aria-live="polite">{deleteError && <p className="form-error">{deleteError}</p>}</div>
      <NewTeamForm onCreated={onCreated} />
    </section>
  );
}

const FIELDS = ['/name', '/tier', '/displayName'];

function NewTeamForm({ onCreated }: { onCreated(team: Team): void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [tier, setTier] = useState<Tier>(1);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      onCreated(await createTeam({ name: name.trim(), tier, ...(displayName.trim() ? { displayName: displayName.trim() } : {}) }));
      setErrors(NO_ERRORS);
      setName('');
      setDisplayName('');
    } catch (error) {
      setErrors(formErrorsOf(error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const field = (pointer: string) => errorsAt(errors, pointer);
  return (
    <form className="people-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-title`}>Add a team</h3>
      <TextField id={`${id}-name`} label="Team name (lower case, as rules name it)" value={name} onChange={setName} errors={field('/name')} />
      <TextField id={`${id}-display`} label="Name shown (optional)" value={displayName} onChange={setDisplayName} errors={field('/displayName')} />
      <div className="people-field">
        <label htmlFor={`${id}-tier`}>Tier</label>
        <select id={`${id}-tier`} value={tier} onChange={(e) => setTier(Number(e.target.value) as Tier)} aria-describedby={`${id}-tier-errors`}>
          {TIERS.map((option) => <option key={option} value={option}>{TIER_NAMES[option]}</option>)}
        </select>
        <FieldErrors id={`${id}-tier-errors`} errors={field('/tier')} />
      </div>
      <div role="status" aria-live="polite">{errors.message && <p className="form-error">{errors.message}</p>}</div>
      <button type="submit" disabled={busy}>Add team</button>
    </form>
  );
}
