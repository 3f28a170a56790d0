import { useId } from 'react';
import type { PointedError, Rule } from '../api/rules.js';
import { ConditionEditor } from './ConditionEditor.js';
import { DecisionEditor } from './DecisionEditor.js';
import { FieldErrors } from './FieldErrors.js';
import { errorsUnder } from './ruleSetEdits.js';

interface RuleEditorProps {
  rule: Rule;
  index: number;
  errors: PointedError[];
  onChange(rule: Rule): void;
}

/** Everything about one rule: id, name, its condition tree and its decision. */
export function RuleEditor({ rule, index, errors, onChange }: RuleEditorProps) {
  const id = useId();
  const pointer = `/rules/${index}`;
  return (
    <div className="rule-editor">
      <div className="rule-meta">
        <span className="leaf-part">
          <label htmlFor={`${id}-id`}>Rule id</label>
          <input id={`${id}-id`} type="text" value={rule.id} onChange={(e) => onChange({ ...rule, id: e.target.value })} aria-invalid={errorsUnder(errors, `${pointer}/id`).length > 0 || undefined} />
          <FieldErrors errors={errorsUnder(errors, `${pointer}/id`)} />
        </span>
        <span className="leaf-part grow">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} type="text" value={rule.name ?? ''} onChange={(e) => onChange({ ...rule, name: e.target.value })} />
        </span>
      </div>
      <h4>When</h4>
      <ConditionEditor condition={rule.when} pointer={`${pointer}/when`} errors={errors} onChange={(when) => onChange({ ...rule, when })} />
      <h4>Then</h4>
      <DecisionEditor decision={rule.then} pointer={`${pointer}/then`} errors={errors} onChange={(then) => onChange({ ...rule, then })} />
    </div>
  );
}
