import type { Tier } from '../routing/index.js';

/** The teams created on a fresh embedded store (api.md "demo users"). */
export const DEMO_TEAMS: ReadonlyArray<{ name: string; tier: Tier }> = [
  { name: 'bot', tier: 0 },
  { name: 'care', tier: 1 },
  { name: 'social', tier: 1 },
  { name: 'helpdesk', tier: 2 },
];

export type Role = 'agent' | 'admin' | 'marketing';

/** The demo users (password `demo`); admins see every team. */
export const DEMO_USERS: ReadonlyArray<{ username: string; role: Role; teams: string[] }> = [
  { username: 'admin', role: 'admin', teams: DEMO_TEAMS.map((team) => team.name) },
  { username: 'ana', role: 'agent', teams: ['care', 'social'] },
  { username: 'hugo', role: 'agent', teams: ['helpdesk'] },
  { username: 'mia', role: 'marketing', teams: [] },
];

export const DEMO_PASSWORD = 'demo';
