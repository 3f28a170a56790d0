import type { ValueKind } from './conditionModel.js';
import { WithinInput } from './WithinInput.js';

interface ValueInputProps {
  kind: ValueKind;
  value: unknown;
  onChange(value: unknown): void;
  /** The id the leaf's "Value" label points at. */
  id: string;
  invalid: boolean;
  describedBy?: string;
}

const asList = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : '');
const fromList = (text: string) => text.split(',').map((item) => item.trim()).filter((item) => item !== '');

/** The input a leaf's value needs: text, number, yes/no, a comma-separated list, a range, a regular expression, or a weekly window. */
export function ValueInput({ kind, value, onChange, id, invalid, describedBy }: ValueInputProps) {
  const common = { id, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  switch (kind) {
    case 'string':
    case 'regex':
      return <input {...common} type="text" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} spellCheck={kind === 'string'} />;
    case 'number':
      return <input {...common} type="number" value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} />;
    case 'boolean':
      return (
        <select {...common} value={String(value === true)} onChange={(e) => onChange(e.target.value === 'true')}>
          <option value="true">yes (true)</option>
          <option value="false">no (false)</option>
        </select>
      );
    case 'list':
      // Kept as typed while editing would need local state; a comma list re-rendered from the array is plain and predictable.
      return <input {...common} key={asList(value)} type="text" defaultValue={asList(value)} placeholder="comma, separated, values" onBlur={(e) => onChange(fromList(e.target.value))} />;
    case 'range': {
      const [min, max] = Array.isArray(value) ? value : [null, null];
      const set = (at: 0 | 1, text: string) => onChange(at === 0 ? [text === '' ? null : Number(text), max] : [min, text === '' ? null : Number(text)]);
      return (
        <span className="range-input">
          <input {...common} type="number" aria-label="from" value={typeof min === 'number' ? min : ''} onChange={(e) => set(0, e.target.value)} />
          <span aria-hidden="true">–</span>
          <input type="number" aria-label="to" aria-invalid={invalid || undefined} value={typeof max === 'number' ? max : ''} onChange={(e) => set(1, e.target.value)} />
        </span>
      );
    }
    case 'within':
      return <WithinInput {...common} value={value} onChange={onChange} />;
  }
}
