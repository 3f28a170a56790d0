/** Keys whose values never reach the audit log. */
const SECRET_KEYS = new Set(['password', 'secret', 'csrfToken', 'token', 'secretSealed']);

/** A copy of a JSON value without secrets (passwords, webhook secrets, CSRF tokens). */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, SECRET_KEYS.has(key) ? '[redacted]' : withoutSecrets(inner)]));
}
