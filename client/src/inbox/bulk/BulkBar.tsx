import { useId, useState } from 'react';
import { PRIORITIES, type Case, type CasePatch, type Priority } from '../../api/types.js';
import { Bdi } from '../../ui/Bdi.js';
import { runBulk, undoPatchOf, type BulkAction, type BulkResult } from './runBulk.js';

interface BulkBarProps {
  selected: Case[];
  username: string;
  /** Puts changed cases in place in the list. */
  onChanged(items: Case[]): void;
  onClear(): void;
}

interface Ran {
  label: string;
  results: BulkResult[];
  /** Set when every case changed and putting them back is safe (not escalations: they moved teams). */
  undo?: BulkAction;
}

/** Actions on the selected cases (assign, unassign, resolve, priority, tag, escalate), with each case's result, 409s included, and Undo where safe. */
export function BulkBar({ selected, username, onChanged, onClear }: BulkBarProps) {
  const id = useId();
  const [priority, setPriority] = useState<Priority>('high');
  const [tag, setTag] = useState('');
  const [reason, setReason] = useState('');
  const [running, setRunning] = useState(false);
  const [ran, setRan] = useState<Ran | null>(null);

  const run = async (action: BulkAction, changed?: CasePatch) => {
    setRunning(true);
    const results = await runBulk(selected, action);
    setRunning(false);
    onChanged(results.flatMap((result) => (result.after ? [result.after] : [])));
    const befores = new Map(results.map((result) => [result.item.id, result.item]));
    const undoable = changed && results.every((result) => result.outcome === 'done');
    setRan({
      label: action.label,
      results,
      undo: undoable ? { kind: 'patch', label: `Undo: ${action.label}`, patchOf: (item) => undoPatchOf(befores.get(item.id)!, changed) } : undefined,
    });
  };
  const patch = (label: string, change: CasePatch | ((item: Case) => CasePatch), changed: CasePatch) =>
    void run({ kind: 'patch', label, patchOf: typeof change === 'function' ? change : () => change }, changed);

  const undo = async () => {
    if (!ran?.undo) return;
    const after = ran.results.map((result) => result.after!).filter(Boolean);
    setRunning(true);
    const results = await runBulk(after, ran.undo);
    setRunning(false);
    onChanged(results.flatMap((result) => (result.after ? [result.after] : [])));
    setRan({ label: ran.undo.label, results });
  };

  const done = ran?.results.filter((result) => result.outcome === 'done').length ?? 0;
  return (
    <section className="bulk-bar" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{selected.length} selected</h2>
      {selected.length === 0 && <p className="muted">The ticked cases have left this list.</p>}
      <div className="bulk-actions">
        <button type="button" disabled={running || selected.length === 0} onClick={() => patch('assign to me', { assignee: username }, { assignee: username })}>Assign to me</button>
        <button type="button" className="secondary" disabled={running || selected.length === 0} onClick={() => patch('unassign', { assignee: null }, { assignee: null })}>Unassign</button>
        <button type="button" className="secondary" disabled={running || selected.length === 0} onClick={() => patch('resolve', { status: 'resolved' }, { status: 'resolved' })}>Resolve</button>
        <span className="bulk-field">
          <label htmlFor={`${id}-priority`}>Priority</label>
          <select id={`${id}-priority`} value={priority} onChange={(e) => setPriority(e.target.value as Priority)}>
            {PRIORITIES.map((level) => <option key={level} value={level}>{level}</option>)}
          </select>
          <button type="button" className="secondary" disabled={running || selected.length === 0} onClick={() => patch(`priority ${priority}`, { priority }, { priority })}>Set</button>
        </span>
        <span className="bulk-field">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <input id={`${id}-tag`} size={10} maxLength={64} value={tag} onChange={(e) => setTag(e.target.value)} />
          <button type="button" className="secondary" disabled={running || tag.trim() === ''} onClick={() => patch(`tag ${tag.trim()}`, (item) => ({ tags: [...new Set([...item.tags, tag.trim()])] }), { tags: [] })}>Add</button>
        </span>
        <span className="bulk-field">
          <label htmlFor={`${id}-reason`}>Escalation reason</label>
          <input id={`${id}-reason`} size={16} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="secondary" disabled={running || reason.trim() === ''} onClick={() => void run({ kind: 'escalate', label: 'escalate', reason: reason.trim() })}>Escalate</button>
        </span>
        <button type="button" className="secondary" onClick={onClear}>Clear selection</button>
      </div>
      <div role="status" aria-live="polite">
        {running && <p>Working…</p>}
        {ran && !running && (
          <>
            <p>{ran.label}: {done} of {ran.results.length} done.{ran.undo && <> <button type="button" className="secondary" onClick={() => void undo()}>Undo</button></>}</p>
            <ul className="bulk-results">
              {ran.results.map((result) => (
                <li key={result.item.id} className={`bulk-${result.outcome}`}>
                  <Bdi>{result.item.customer.name || result.item.customer.handle || result.item.id}</Bdi>: {result.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
