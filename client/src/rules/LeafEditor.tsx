import { useId } from 'react';
import type { LeafCondition, PointedError } from '../api/rules.js';
import { FIELD_NAMES, fieldHint, fieldType, offersOperator, operatorsFor, valueKind, withField, withOperator } from './conditionModel.js';
import { errorsUnder } from './ruleSetEdits.js';
import { FieldErrors } from './FieldErrors.js';
import { ValueInput } from './ValueInput.js';

interface LeafEditorProps {
  leaf: LeafCondition;
  pointer: string;
  errors: PointedError[];
  onChange(leaf: LeafCondition): void;
}

/** One test: field, operator, and the value input that field and operator need; errors shown at the part they name. */
export function LeafEditor({ leaf, pointer, errors, onChange }: LeafEditorProps) {
  const id = useId();
  const type = fieldType(leaf.field);
  const kind = valueKind(type, leaf.op);
  const valueErrors = errorsUnder(errors, `${pointer}/value`);
  const fieldErrors = errorsUnder(errors, `${pointer}/field`);
  const opErrors = errorsUnder(errors, `${pointer}/op`);
  const flagErrors = errorsUnder(errors, `${pointer}/flags`);
  const otherErrors = errorsUnder(errors, pointer, true);
  const fields: string[] = (FIELD_NAMES as string[]).includes(leaf.field) ? FIELD_NAMES : [leaf.field, ...FIELD_NAMES];
  const operators: string[] = offersOperator(leaf.field, leaf.op) ? operatorsFor(leaf.field) : [leaf.op, ...operatorsFor(leaf.field)];
  return (
    <div className="leaf" role="group" aria-label="Test">
      <span className="leaf-part">
        <label htmlFor={`${id}-field`}>Field</label>
        <select id={`${id}-field`} value={leaf.field} onChange={(e) => onChange(withField(leaf, e.target.value))} aria-invalid={fieldErrors.length > 0 || undefined}>
          {fields.map((field) => <option key={field} value={field} title={fieldHint(field) || undefined}>{field}</option>)}
        </select>
        <FieldErrors errors={fieldErrors} />
      </span>
      <span className="leaf-part">
        <label htmlFor={`${id}-op`}>Operator</label>
        <select id={`${id}-op`} value={leaf.op} onChange={(e) => onChange(withOperator(leaf, e.target.value))} aria-invalid={opErrors.length > 0 || undefined}>
          {operators.map((op) => <option key={op} value={op}>{op}</option>)}
        </select>
        <FieldErrors errors={opErrors} />
      </span>
      <span className="leaf-part leaf-value">
        <label htmlFor={`${id}-value`}>Value</label>
        <ValueInput kind={kind} id={`${id}-value`} value={leaf.value} invalid={valueErrors.length > 0} describedBy={valueErrors.length > 0 ? `${id}-value-errors` : undefined} onChange={(value) => onChange({ ...leaf, value })} />
        <FieldErrors id={`${id}-value-errors`} errors={valueErrors} />
      </span>
      {kind === 'regex' && (
        <span className="leaf-part">
          <label htmlFor={`${id}-flags`}>Flags</label>
          <input id={`${id}-flags`} type="text" size={4} value={leaf.flags ?? ''} onChange={(e) => onChange(e.target.value ? { ...leaf, flags: e.target.value } : { field: leaf.field, op: leaf.op, value: leaf.value })} aria-invalid={flagErrors.length > 0 || undefined} />
          <FieldErrors errors={flagErrors} />
        </span>
      )}
      <FieldErrors errors={otherErrors} />
    </div>
  );
}
