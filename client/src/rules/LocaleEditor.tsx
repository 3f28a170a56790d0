import { useId } from 'react';
import type { PointedError, RuleSet } from '../api/rules.js';
import { errorsUnder } from './ruleSetEdits.js';
import { FieldErrors } from './FieldErrors.js';

interface LocaleEditorProps {
  ruleSet: RuleSet;
  errors: PointedError[];
  readOnly: boolean;
  onChange(ruleSet: RuleSet): void;
}

/** The regions whose national phone numbers the `phone` detector reads (routing.md §2 `locale`; US when none are set). */
export function LocaleEditor({ ruleSet, errors, readOnly, onChange }: LocaleEditorProps) {
  const id = useId();
  const regions = ruleSet.locale?.regions ?? [];
  const shown = regions.length > 0 ? regions.join(', ') : 'US (default)';
  if (readOnly) return <p>Phone numbers are read as numbers of: {shown}</p>;
  const update = (text: string) => {
    const next = text.split(/[\s,]+/).map((code) => code.trim().toUpperCase()).filter(Boolean);
    const changed: RuleSet = { ...ruleSet, locale: { regions: next } };
    if (next.length === 0) delete changed.locale;
    onChange(changed);
  };
  return (
    <span className="leaf-part">
      <label htmlFor={`${id}-regions`}>Phone regions (ISO codes, e.g. GB, US; empty means US): national numbers of these regions count as phone numbers</label>
      <input id={`${id}-regions`} key={regions.join(',')} type="text" defaultValue={regions.join(', ')} placeholder="US" onBlur={(e) => update(e.target.value)} />
      <FieldErrors errors={errorsUnder(errors, '/locale')} />
    </span>
  );
}
