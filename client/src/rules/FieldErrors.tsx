import type { PointedError } from '../api/rules.js';

/** The server's validation errors for one place in the rule set, said right there. */
export function FieldErrors({ id, errors }: { id?: string; errors: PointedError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((error) => <li key={`${error.pointer} ${error.message}`}>{error.message}</li>)}
    </ul>
  );
}
