import { useId, useState, type FormEvent } from 'react';
import { updateTeam, type Team } from '../api/people.js';
import type { TeamHours, Weekday } from '../../../server/presenters/teamHours.js';
import { FieldErrors } from '../rules/FieldErrors.js';
import { errorsAt, formErrorsOf, NO_ERRORS, type FormErrors } from './formErrors.js';

const DAYS: Array<[Weekday, string]> = [['mon', 'Mon'], ['tue', 'Tue'], ['wed', 'Wed'], ['thu', 'Thu'], ['fri', 'Fri'], ['sat', 'Sat'], ['sun', 'Sun']];
const OFFICE: TeamHours['weekly'][number] = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:30' };
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** One team's hours: every hour, or a time zone with weekly windows and holidays; saved with PATCH /api/teams/:name {hours}. */
export function BusinessHoursForm({ team, onSaved }: { team: Team; onSaved(team: Team): void }) {
  const id = useId();
  const [always, setAlways] = useState(team.hours === null);
  const [timeZone, setTimeZone] = useState(team.hours?.timeZone ?? browserZone());
  const [weekly, setWeekly] = useState(team.hours?.weekly ?? [OFFICE]);
  const [holidays, setHolidays] = useState((team.hours?.holidays ?? []).join('\n'));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);

  const change = (index: number, patch: Partial<TeamHours['weekly'][number]>) => setWeekly(weekly.map((window, at) => (at === index ? { ...window, ...patch } : window)));
  const toggleDay = (index: number, day: Weekday) => {
    const days = weekly[index]!.days;
    change(index, { days: days.includes(day) ? days.filter((item) => item !== day) : DAYS.map(([d]) => d).filter((d) => d === day || days.includes(d)) });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const dates = holidays.split(/[\s,]+/).filter(Boolean);
    try {
      const answer = await updateTeam(team.name, { hours: always ? null : { timeZone: timeZone.trim(), weekly, holidays: dates } });
      setErrors(NO_ERRORS);
      setSaved(answer.hours ? `Saved: ${answer.hours.timeZone}` : 'Saved: every hour counts');
      onSaved(answer);
    } catch (error) {
      setErrors(formErrorsOf(error, ['/hours/timeZone', '/hours/weekly', '/hours/holidays']));
    }
  };
  const field = (pointer: string) => errorsAt(errors, pointer);
  return (
    <form className="people-form" onSubmit={(e) => void submit(e)} aria-label={`Business hours of team ${team.name}`} noValidate>
      <label><input type="checkbox" checked={always} onChange={(e) => setAlways(e.target.checked)} /> Every hour counts (no business hours)</label>
      {!always && (
        <>
          <div className="people-field">
            <label htmlFor={`${id}-zone`}>Time zone (IANA, e.g. Europe/London)</label>
            <input id={`${id}-zone`} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} aria-invalid={field('/hours/timeZone').length > 0 || undefined} aria-describedby={`${id}-zone-errors`} />
            <FieldErrors id={`${id}-zone-errors`} errors={field('/hours/timeZone')} />
          </div>
          {weekly.map((window, index) => (
            <fieldset key={index} className="hours-window">
              <legend>Opening window {index + 1}</legend>
              {DAYS.map(([day, label]) => (
                <label key={day} className="hours-day"><input type="checkbox" checked={window.days.includes(day)} onChange={() => toggleDay(index, day)} /> {label}</label>
              ))}
              <label htmlFor={`${id}-from-${index}`}>From</label>
              <input id={`${id}-from-${index}`} type="time" value={window.from} onChange={(e) => change(index, { from: e.target.value })} />
              <label htmlFor={`${id}-to-${index}`}>To</label>
              <input id={`${id}-to-${index}`} type="text" inputMode="numeric" size={5} value={window.to} onChange={(e) => change(index, { to: e.target.value })} aria-describedby={`${id}-to-${index}-hint`} />
              <span id={`${id}-to-${index}-hint`} className="muted">HH:MM, 24:00 for midnight</span>
              {weekly.length > 1 && <button type="button" className="link-button" onClick={() => setWeekly(weekly.filter((_, at) => at !== index))}>Remove window {index + 1}</button>}
              <FieldErrors id={`${id}-window-${index}-errors`} errors={field(`/hours/weekly/${index}`)} />
            </fieldset>
          ))}
          <FieldErrors id={`${id}-weekly-errors`} errors={field('/hours/weekly').filter((error) => error.pointer === '/hours/weekly')} />
          <button type="button" className="secondary" onClick={() => setWeekly([...weekly, OFFICE])}>Add a window</button>
          <div className="people-field">
            <label htmlFor={`${id}-holidays`}>Holidays (YYYY-MM-DD, one a line)</label>
            <textarea id={`${id}-holidays`} rows={3} value={holidays} onChange={(e) => setHolidays(e.target.value)} aria-invalid={field('/hours/holidays').length > 0 || undefined} aria-describedby={`${id}-holidays-errors`} />
            <FieldErrors id={`${id}-holidays-errors`} errors={field('/hours/holidays')} />
          </div>
        </>
      )}
      <div role="status" aria-live="polite">{errors.message && <p className="form-error">{errors.message}</p>}{saved && <p className="form-info">{saved}</p>}</div>
      <button type="submit">Save hours</button>
    </form>
  );
}
