import { useId, useState, type FormEvent } from 'react';
import { escalateCase } from '../../api/escalations.js';
import type { Case } from '../../api/types.js';

/** Escalate with a reason: to Tier 2 (the private help desk) by default, or another tier or team. */
export function EscalateForm({ item, onEscalated }: { item: Case; onEscalated(item: Case): void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [tier, setTier] = useState<'' | '1' | '2'>(item.tier < 2 ? '2' : '');
  const [team, setTeam] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const { case: escalated } = await escalateCase(item.id, { reason: reason.trim(), ...(tier ? { tier: Number(tier) as 1 | 2 } : {}), ...(team.trim() ? { team: team.trim() } : {}) });
      setReason('');
      setNotice({ kind: 'info', text: `Escalated to Tier ${escalated.tier}, team ${escalated.team}.` });
      onEscalated(escalated);
    } catch (error) {
      setNotice({ kind: 'error', text: `Not escalated: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="escalate" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Escalate</h2>
      <label htmlFor={`${id}-reason`}>Reason</label>
      <textarea id={`${id}-reason`} rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="inline-fields">
        <label>
          To tier
          <select value={tier} onChange={(e) => setTier(e.target.value as '' | '1' | '2')}>
            <option value="">(same tier)</option>
            <option value="1">Tier 1</option>
            <option value="2">Tier 2 (private)</option>
          </select>
        </label>
        <label>Team <input type="text" value={team} onChange={(e) => setTeam(e.target.value)} placeholder="(default)" size={10} /></label>
      </div>
      <button type="submit" disabled={busy || reason.trim() === ''}>{busy ? 'Escalating…' : 'Escalate'}</button>
      <div role="status" aria-live="polite">
        {notice && <p className={notice.kind === 'error' ? 'form-error' : 'form-info'}>{notice.text}</p>}
      </div>
    </form>
  );
}
