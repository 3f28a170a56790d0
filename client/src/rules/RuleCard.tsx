import { useSortable } from '@dnd-kit/sortable';
import type { LintWarning, PointedError, Rule } from '../api/rules.js';
import { describeCondition } from './conditionModel.js';
import { errorsUnder } from './ruleSetEdits.js';
import { RuleEditor } from './RuleEditor.js';

interface RuleCardProps {
  rule: Rule;
  index: number;
  /** A stable key for drag and drop (rule ids can be edited). */
  sortId: string;
  warnings: LintWarning[];
  errors: PointedError[];
  editing: boolean;
  readOnly: boolean;
  onChange(rule: Rule): void;
  onEdit(open: boolean): void;
  onRemove(): void;
}

/** One rule in the ordered list: drag handle, position, enabled switch, what it tests and decides, its lint warnings and errors. */
export function RuleCard({ rule, index, sortId, warnings, errors, editing, readOnly, onChange, onEdit, onRemove }: RuleCardProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: sortId, disabled: readOnly });
  const enabled = rule.enabled !== false;
  const ruleErrors = errorsUnder(errors, `/rules/${index}`);
  const label = rule.name ? `${rule.id} (${rule.name})` : rule.id;
  return (
    <li ref={setNodeRef} style={{ transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined, transition }} className={`rule-card${isDragging ? ' dragging' : ''}${enabled ? '' : ' disabled'}`} aria-label={`Rule ${index + 1}: ${label}`}>
      <div className="rule-head">
        {!readOnly && (
          <button type="button" ref={setActivatorNodeRef} className="drag-handle" aria-label={`Move rule ${rule.id}`} {...attributes} {...listeners}>⠿</button>
        )}
        <span className="position">{index + 1}.</span>
        <code className="rule-id">{rule.id}</code>
        <span className="rule-name">{rule.name}</span>
        <label className="enabled">
          <input type="checkbox" checked={enabled} disabled={readOnly} onChange={(e) => onChange({ ...rule, enabled: e.target.checked })} /> Enabled
        </label>
        {!readOnly && <button type="button" className="secondary" aria-expanded={editing} onClick={() => onEdit(!editing)}>{editing ? 'Close' : 'Edit'}</button>}
        {!readOnly && <button type="button" className="link-button" onClick={onRemove} aria-label={`Delete rule ${rule.id}`}>Delete</button>}
      </div>
      <p className="rule-summary">
        <span className="muted">when</span> {describeCondition(rule.when)} <span className="muted">→</span> Tier {rule.then.tier}, {rule.then.team}
        {rule.then.priority && rule.then.priority !== 'normal' ? `, ${rule.then.priority}` : ''}
        {rule.then.suppress ? ', suppressed' : ''}
      </p>
      {warnings.length > 0 && (
        <ul className="lint-warnings" aria-label={`Warnings for ${rule.id}`}>
          {warnings.map((warning) => {
            // Privacy lint (routing.md §5): a bot answer or a suppression that personal data can reach.
            const privacy = /personal data/.test(warning.message);
            return (
              <li key={warning.text} className={privacy ? 'privacy-warning' : undefined}>
                <span aria-hidden="true">⚠ </span>{privacy && <strong>Privacy: </strong>}{warning.message}
              </li>
            );
          })}
        </ul>
      )}
      {ruleErrors.length > 0 && !editing && <p className="form-error">{ruleErrors.length} {ruleErrors.length === 1 ? 'error' : 'errors'}: open the rule to see {ruleErrors.length === 1 ? 'it' : 'them'} at the field.</p>}
      {editing && <RuleEditor rule={rule} index={index} errors={errors} onChange={onChange} />}
    </li>
  );
}
