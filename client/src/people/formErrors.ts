import { ApiError } from '../api/http.js';
import type { PointedError } from '../api/rules.js';

/** A failed save as a form shows it: errors at the fields their pointers name, and a message for the rest. */
export interface FormErrors {
  message: string | null;
  fields: PointedError[];
}

export const NO_ERRORS: FormErrors = { message: null, fields: [] };

/** Splits an API error into the fields' errors (those whose pointer one of `fields` covers) and a message for the form. */
export function formErrorsOf(error: unknown, fields: readonly string[]): FormErrors {
  if (!(error instanceof ApiError)) return { message: (error as Error).message, fields: [] };
  const details = Array.isArray(error.details) ? (error.details as PointedError[]).filter((detail) => typeof detail?.pointer === 'string') : [];
  const placed = details.filter((detail) => fields.some((field) => covers(field, detail.pointer)));
  const unplaced = details.filter((detail) => !placed.includes(detail));
  const message = placed.length > 0 && unplaced.length === 0 ? 'Please correct the fields marked above.' : [error.message, ...unplaced.map((detail) => `${detail.pointer || 'body'}: ${detail.message}`)].join(' ');
  return { message, fields: placed };
}

/** The errors at a field (`/teams` also gets `/teams/1`'s). */
export function errorsAt(errors: FormErrors, field: string): PointedError[] {
  return errors.fields.filter((error) => covers(field, error.pointer));
}

function covers(field: string, pointer: string): boolean {
  return pointer === field || pointer.startsWith(`${field}/`);
}
