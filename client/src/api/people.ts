import { request, setCsrfToken } from './http.js';
import type { Role, Tier } from './types.js';
// Type-only: users and teams are the server presenters' own shapes (their file imports nothing the browser build lacks), so the two cannot drift.
import type { PresentedTeam, PresentedUserAccount } from '../../../server/presenters/presentedPeople.js';

/** A user as admins manage it (GET/POST/PATCH /api/users): the server's PresentedUserAccount. */
export type UserAccount = PresentedUserAccount;

/** A team (GET/POST/PATCH /api/teams): the server's PresentedTeam. */
export type Team = PresentedTeam;

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  teams: string[];
  name?: string;
}

export interface UserChanges {
  role?: Role;
  teams?: string[];
  name?: string | null;
  password?: string;
  disabled?: boolean;
}

/** Every user (admins). */
export async function listUsers(): Promise<UserAccount[]> {
  return (await request<{ users: UserAccount[] }>('/api/users')).users;
}

/** Adds a user; 400/422 errors point at fields, 409 when the username is taken. */
export async function createUser(user: NewUser): Promise<UserAccount> {
  return (await request<{ user: UserAccount }>('/api/users', { method: 'POST', body: user })).user;
}

/** Changes a user. An admin who changed their own password gets a fresh session, whose CSRF token is kept here. */
export async function updateUser(id: string, changes: UserChanges): Promise<UserAccount> {
  const answer = await request<{ user: UserAccount; csrfToken?: string }>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
  if (answer.csrfToken) setCsrfToken(answer.csrfToken);
  return answer.user;
}

/** Every team (admins). */
export async function listTeams(): Promise<Team[]> {
  return (await request<{ teams: Team[] }>('/api/teams')).teams;
}

/** Adds a team; 409 when the name is taken. */
export async function createTeam(team: { name: string; tier: Tier; displayName?: string }): Promise<Team> {
  return (await request<{ team: Team }>('/api/teams', { method: 'POST', body: team })).team;
}

/** Deletes a team nothing refers to any more (409 says what still does). */
export function deleteTeam(name: string): Promise<void> {
  return request<void>(`/api/teams/${encodeURIComponent(name)}`, { method: 'DELETE' });
}
