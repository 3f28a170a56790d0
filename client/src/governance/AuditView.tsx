import { useEffect, useId, useState, type FormEvent } from 'react';
import { listAudit, type AuditEntry, type AuditFilters } from '../api/governance.js';
import { formatDateTime } from '../ui/formatTime.js';

const NO_FILTERS: AuditFilters = { actor: '', action: '', from: '', to: '' };

/** The audit log for admins: who changed what, newest first, filtered by actor, action and period, a page at a time. */
export function AuditView() {
  const id = useId();
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setMessage(null);
    listAudit(filters, null, controller.signal).then(
      (page) => {
        setEntries(page.entries);
        setNextCursor(page.nextCursor);
      },
      (error: Error) => {
        if (error.name !== 'AbortError') setMessage(error.message);
      },
    );
    return () => controller.abort();
  }, [filters]);

  const more = async () => {
    if (!nextCursor) return;
    try {
      const page = await listAudit(filters, nextCursor);
      setEntries((current) => [...(current ?? []), ...page.entries]);
      setNextCursor(page.nextCursor);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft });
  };
  const field = (name: keyof AuditFilters, label: string, type = 'text') => (
    <span>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} type={type} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
    </span>
  );

  return (
    <section className="governance">
      <h1>Audit log</h1>
      <form aria-label="Filter the audit log" onSubmit={apply} className="audit-filters">
        {field('actor', 'Who (username)')}
        {field('action', 'Action (e.g. case.update)')}
        {field('from', 'From', 'date')}
        {field('to', 'Before', 'date')}
        <button type="submit">Filter</button>
      </form>
      {entries?.length === 0 && <p>No entries match.</p>}
      {entries && entries.length > 0 && (
        <table>
          <caption>Changes, newest first</caption>
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Outcome</th><th scope="col">Details</th></tr></thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.at)}</td>
                <td>{entry.actor.username ?? '—'}</td>
                <td>{entry.action}</td>
                <td>{entry.target ? `${entry.target.kind} ${entry.target.id}` : '—'}</td>
                <td>{entry.state === 'pending' ? 'pending (not settled)' : entry.state === 'erased' ? 'not kept (erased)' : entry.status}</td>
                <td><EntryDetails entry={entry} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && <button type="button" className="secondary" onClick={() => void more()}>Older entries</button>}
      <div role="status" aria-live="polite">{message && <p className="form-error">{message}</p>}</div>
    </section>
  );
}

/** Request, before and after of an entry, as JSON text (rendered as text, never as markup). */
function EntryDetails({ entry }: { entry: AuditEntry }) {
  const parts = (['request', 'before', 'after'] as const).filter((name) => entry[name] !== null && entry[name] !== undefined);
  if (parts.length === 0) return <>—</>;
  return (
    <details>
      <summary>Show {parts.join(', ')}</summary>
      {parts.map((name) => (
        <div key={name}><strong>{name}</strong><pre>{JSON.stringify(entry[name], null, 2)}</pre></div>
      ))}
    </details>
  );
}
