import type { Store } from '../store/index.js';
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS } from './demoAccounts.js';
import { hashPassword } from './passwords.js';

/** On a store (either backend, DEMO_USERS=1) with no users yet, creates the demo teams and users; returns the users created. */
export async function seedDemoAccounts(store: Store): Promise<string[]> {
  if ((await store.collections.users.countDocuments({})) > 0) return [];
  for (const team of DEMO_TEAMS) await store.collections.teams.insertOne({ name: team.name, tier: team.tier });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    const result = await store.collections.users.insertOne({ username: user.username, role: user.role, teams: user.teams, passwordHash });
    if (result.status === 'inserted') created.push(user.username);
  }
  return created;
}

/** The start-up lines listing the demo users. */
export function describeDemoUsers(): string {
  const rows = DEMO_USERS.map((user) => `  ${user.username.padEnd(6)} ${user.role.padEnd(9)} ${user.teams.join(', ') || '(no team)'}`);
  return [`demo users (password "${DEMO_PASSWORD}"):`, ...rows].join('\n');
}

/** Whether a host is loopback-only (demo accounts may not be exposed beyond it). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
