import type { Role } from '../api/types.js';
import { FieldErrors } from '../rules/FieldErrors.js';
import type { PointedError } from '../api/rules.js';
import { ROLE_HINTS, ROLES } from './roleHints.js';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** The server's errors at this field's pointer: shown under it, and the input marked invalid. */
  errors: PointedError[];
  type?: 'text' | 'password';
  autoComplete?: string;
  required?: boolean;
}

/** A labelled text input of the People forms, with the server's errors for it. */
export function TextField({ id, label, value, onChange, errors, type = 'text', autoComplete = 'off', required }: TextFieldProps) {
  return (
    <div className="people-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} autoComplete={autoComplete} required={required} aria-invalid={errors.length > 0 || undefined} aria-describedby={`${id}-errors`} />
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}

/** The role picker, with a line saying what the chosen role may do. */
export function RoleField({ id, role, onChange, errors }: { id: string; role: Role; onChange(role: Role): void; errors: PointedError[] }) {
  return (
    <div className="people-field">
      <label htmlFor={id}>Role</label>
      <select id={id} value={role} onChange={(e) => onChange(e.target.value as Role)} aria-invalid={errors.length > 0 || undefined} aria-describedby={`${id}-hint ${id}-errors`}>
        {ROLES.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
      <p id={`${id}-hint`} className="muted">{ROLE_HINTS[role]}</p>
      <FieldErrors id={`${id}-errors`} errors={errors} />
    </div>
  );
}
