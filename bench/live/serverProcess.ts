/**
 * The server side of `npm run bench -- live`, run as its own process (as in production, where the agents'
 * browsers are elsewhere), so that decoding events in 200 bench clients does not share the server's event loop.
 * It starts the real server on a fresh DATA_DIR, creates the agents, tells the parent its URL over IPC, and
 * answers `cpu` with its process.cpuUsage().
 */
import { hashPassword } from '../../server/auth/passwords.js';
import { readEnv } from '../../server/env.js';
import { startServer } from '../../server/server.js';

export interface LiveServerConfig {
  dataDir: string;
  token: string;
  agents: Array<{ username: string; team: string }>;
  /** Socket.IO as it comes, without our frame coalescing (the comparison run). */
  plain: boolean;
}

export type ParentMessage = { type: 'cpu' } | { type: 'stop' };
export type ChildMessage = { type: 'ready'; url: string } | { type: 'cpu'; usage: NodeJS.CpuUsage };

const config = JSON.parse(process.argv[2]!) as LiveServerConfig;
const send = (message: ChildMessage) => process.send!(message);

const server = await startServer(
  readEnv({ PORT: '0', DATA_DIR: config.dataDir, X_SIMULATOR: '0', INGEST_TOKEN: config.token, DEMO_USERS: '1', LOG_LEVEL: 'silent', RULES_FILE: 'test/routes/fixtures/teams.rules.json' }),
  { startConnectors: false, coalesceLiveFrames: !config.plain },
);
const passwordHash = await hashPassword('demo');
for (const agent of config.agents) {
  await server.store.collections.users.insertOne({ username: agent.username, role: 'agent', teams: [agent.team], passwordHash });
}
process.on('message', (message: ParentMessage) => {
  if (message.type === 'cpu') send({ type: 'cpu', usage: process.cpuUsage() });
  else void server.close().then(() => process.exit(0));
});
send({ type: 'ready', url: server.url });
