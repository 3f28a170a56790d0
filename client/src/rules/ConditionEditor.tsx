import type { Condition, PointedError } from '../api/rules.js';
import { isLeaf } from './conditionModel.js';
import { errorsUnder } from './ruleSetEdits.js';
import { FieldErrors } from './FieldErrors.js';
import { LeafEditor } from './LeafEditor.js';

interface ConditionEditorProps {
  condition: Condition;
  pointer: string;
  errors: PointedError[];
  onChange(condition: Condition): void;
  onRemove?: () => void;
}

const NEW_LEAF: Condition = { field: 'text', op: 'containsAny', value: [] };

/** A condition tree: "all of" / "any of" groups, "not", and tests; each part can be changed, wrapped or removed. */
export function ConditionEditor({ condition, pointer, errors, onChange, onRemove }: ConditionEditorProps) {
  const remove = onRemove && <button type="button" className="link-button" onClick={onRemove}>Remove</button>;
  if (isLeaf(condition)) {
    return (
      <div className="condition">
        <LeafEditor leaf={condition} pointer={pointer} errors={errors} onChange={onChange} />
        <span className="condition-actions">
          <button type="button" className="link-button" onClick={() => onChange({ not: condition })}>Negate</button>
          <button type="button" className="link-button" onClick={() => onChange({ any: [condition] })}>Group</button>
          {remove}
        </span>
      </div>
    );
  }
  if ('not' in condition) {
    return (
      <div className="condition group">
        <span className="group-head"><strong>not</strong> <button type="button" className="link-button" onClick={() => onChange(condition.not)}>Unwrap</button> {remove}</span>
        <ConditionEditor condition={condition.not} pointer={`${pointer}/not`} errors={errors} onChange={(not) => onChange({ not })} />
        <FieldErrors errors={errorsUnder(errors, pointer, true)} />
      </div>
    );
  }
  const mode = 'all' in condition ? 'all' : 'any';
  const children = 'all' in condition ? condition.all : condition.any;
  const rebuild = (list: Condition[]): Condition => (mode === 'all' ? { all: list } : { any: list });
  return (
    <div className="condition group" role="group" aria-label={mode === 'all' ? 'All of' : 'Any of'}>
      <span className="group-head">
        <label>
          Match
          <select value={mode} onChange={(e) => onChange(e.target.value === 'all' ? { all: children } : { any: children })}>
            <option value="all">all of</option>
            <option value="any">any of</option>
          </select>
        </label>
        {remove}
      </span>
      <FieldErrors errors={errorsUnder(errors, pointer, true)} />
      <ol>
        {children.map((child, index) => (
          <li key={index}>
            <ConditionEditor
              condition={child}
              pointer={`${pointer}/${mode}/${index}`}
              errors={errors}
              onChange={(next) => onChange(rebuild(children.map((c, at) => (at === index ? next : c))))}
              onRemove={() => onChange(rebuild(children.filter((_, at) => at !== index)))}
            />
          </li>
        ))}
      </ol>
      <span className="condition-actions">
        <button type="button" className="link-button" onClick={() => onChange(rebuild([...children, NEW_LEAF]))}>Add a test</button>
        <button type="button" className="link-button" onClick={() => onChange(rebuild([...children, { all: [NEW_LEAF] }]))}>Add a group</button>
      </span>
    </div>
  );
}
