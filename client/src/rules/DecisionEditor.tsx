import { useId } from 'react';
import type { DecisionSpec, PointedError } from '../api/rules.js';
import { PRIORITIES, TIERS, type Priority, type Tier } from '../api/types.js';
import { errorsUnder } from './ruleSetEdits.js';
import { FieldErrors } from './FieldErrors.js';

interface DecisionEditorProps {
  decision: DecisionSpec;
  pointer: string;
  errors: PointedError[];
  onChange(decision: DecisionSpec): void;
}

/** Where a match sends the conversation: tier, team, priority, tags, suppress and the optional automatic reply. */
export function DecisionEditor({ decision, pointer, errors, onChange }: DecisionEditorProps) {
  const id = useId();
  const at = (part: string) => errorsUnder(errors, `${pointer}/${part}`);
  const set = (patch: Partial<DecisionSpec>) => onChange({ ...decision, ...patch });
  return (
    <div className="decision" role="group" aria-label="Decision">
      <span className="leaf-part">
        <label htmlFor={`${id}-tier`}>Tier</label>
        <select id={`${id}-tier`} value={decision.tier} onChange={(e) => set({ tier: Number(e.target.value) as Tier })}>
          {TIERS.map((tier) => <option key={tier} value={tier}>Tier {tier}</option>)}
        </select>
        <FieldErrors errors={at('tier')} />
      </span>
      <span className="leaf-part">
        <label htmlFor={`${id}-team`}>Team</label>
        <input id={`${id}-team`} type="text" value={decision.team} onChange={(e) => set({ team: e.target.value })} aria-invalid={at('team').length > 0 || undefined} />
        <FieldErrors errors={at('team')} />
      </span>
      <span className="leaf-part">
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select id={`${id}-priority`} value={decision.priority ?? 'normal'} onChange={(e) => set({ priority: e.target.value as Priority })}>
          {PRIORITIES.map((priority) => <option key={priority} value={priority}>{priority}</option>)}
        </select>
      </span>
      <span className="leaf-part">
        <label htmlFor={`${id}-tags`}>Tags</label>
        <input id={`${id}-tags`} key={(decision.tags ?? []).join(',')} type="text" defaultValue={(decision.tags ?? []).join(', ')} placeholder="comma, separated" onBlur={(e) => set({ tags: e.target.value.split(',').map((t) => t.trim()).filter(Boolean) })} />
        <FieldErrors errors={at('tags')} />
      </span>
      <span className="leaf-part">
        <label htmlFor={`${id}-suppress`}>
          <input id={`${id}-suppress`} type="checkbox" role="switch" checked={decision.suppress === true} onChange={(e) => {
            const next: DecisionSpec = { ...decision };
            if (e.target.checked) {
              next.suppress = true;
              delete next.reply;
            } else delete next.suppress;
            onChange(next);
          }} />{' '}
          Suppress (noise such as reposts: stored and counted, kept out of the inboxes, never answered)
        </label>
        <FieldErrors errors={at('suppress')} />
      </span>
      <span className="leaf-part reply-text">
        <label htmlFor={`${id}-reply`}>Automatic reply (optional; {'{{author.handle}}'}, {'{{author.name}}'})</label>
        <textarea id={`${id}-reply`} rows={2} disabled={decision.suppress === true} value={decision.reply?.text ?? ''} onChange={(e) => {
          const next: DecisionSpec = { ...decision, reply: { text: e.target.value } };
          if (e.target.value === '') delete next.reply;
          onChange(next);
        }} />
        <FieldErrors errors={at('reply')} />
      </span>
    </div>
  );
}
