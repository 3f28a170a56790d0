import { request, setCsrfToken } from './http.js';
// Type-only: users and teams are the server presenters' own shapes (their file imports nothing the browser build lacks), so the two cannot drift.
import type { PresentedTeam, PresentedUserAccount } from '../../../server/presenters/presentedPeople.js';
// Type-only: the bodies and answers of /api/users and /api/teams are the server routes' own (an import-free file).
import type { CreateUserBody, UpdatedUserAnswer, UserAnswer, UserChanges, UserListAnswer } from '../../../server/routes/users/bodies.js';
import type { CreateTeamBody, PatchTeamBody, TeamAnswer, TeamListAnswer } from '../../../server/routes/teams/bodies.js';

export type { UserChanges } from '../../../server/routes/users/bodies.js';

/** A user as admins manage it (GET/POST/PATCH /api/users): the server's PresentedUserAccount. */
export type UserAccount = PresentedUserAccount;

/** A team (GET/POST/PATCH /api/teams): the server's PresentedTeam. */
export type Team = PresentedTeam;

/** Every user (admins). */
export async function listUsers(): Promise<UserAccount[]> {
  return (await request<UserListAnswer>('/api/users')).users;
}

/** Adds a user; 400/422 errors point at fields, 409 when the username is taken. */
export async function createUser(user: CreateUserBody): Promise<UserAccount> {
  return (await request<UserAnswer>('/api/users', { method: 'POST', body: user })).user;
}

/** Changes a user. An admin who changed their own password gets a fresh session, whose CSRF token is kept here. */
export async function updateUser(id: string, changes: UserChanges): Promise<UserAccount> {
  const answer = await request<UpdatedUserAnswer>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
  if (answer.csrfToken) setCsrfToken(answer.csrfToken);
  return answer.user;
}

/** Every team (admins). */
export async function listTeams(): Promise<Team[]> {
  return (await request<TeamListAnswer>('/api/teams')).teams;
}

/** Adds a team; 409 when the name is taken. */
export async function createTeam(team: CreateTeamBody): Promise<Team> {
  return (await request<TeamAnswer>('/api/teams', { method: 'POST', body: team })).team;
}

/** Changes a team's display name or assignment mode and capacity; 400 errors point at fields. */
export async function updateTeam(name: string, changes: PatchTeamBody): Promise<Team> {
  return (await request<TeamAnswer>(`/api/teams/${encodeURIComponent(name)}`, { method: 'PATCH', body: changes })).team;
}

/** Deletes a team nothing refers to any more (409 says what still does). */
export function deleteTeam(name: string): Promise<void> {
  return request<void>(`/api/teams/${encodeURIComponent(name)}`, { method: 'DELETE' });
}
