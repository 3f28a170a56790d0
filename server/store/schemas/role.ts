/**
 * What a user may do (api.md "HTTP API": who). Its own file, free of imports,
 * so the client's type-only import of the user presenter's shape does not
 * pull mongoose in.
 */
export const ROLES = ['admin', 'agent', 'marketing'] as const;
export type Role = (typeof ROLES)[number];
