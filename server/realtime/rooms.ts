import type { SessionUser } from '../middleware/currentUser.js';

/** Room of the agents (and admins) who may see a team's cases. */
export const teamRoom = (team: string): string => `team:${team}`;
/** Room of everyone who watches public threads (marketing, admins). */
export const MONITOR_ROOM = 'monitor';
/** Room of admins: every case, whatever its team. */
export const ADMIN_ROOM = 'admins';
/** Room of one person's sockets, for what is for them alone (a note mentioning them). */
export const userRoom = (userId: string): string => `user:${userId}`;

/** The rooms a user may be in, so that nothing they may not see reaches them. */
export function roomsFor(user: SessionUser): string[] {
  if (user.role === 'admin') return [ADMIN_ROOM, MONITOR_ROOM, userRoom(user.id)];
  if (user.role === 'marketing') return [MONITOR_ROOM];
  return [...user.teams.map(teamRoom), userRoom(user.id)];
}
