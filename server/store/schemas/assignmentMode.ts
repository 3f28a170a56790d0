/**
 * How a team's new and escalated cases find an agent (PATCH /api/teams/:name
 * `assignment.mode`). Its own file, free of imports, for the client.
 */
export const ASSIGNMENT_MODES = ['manual', 'round-robin', 'balanced'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];
