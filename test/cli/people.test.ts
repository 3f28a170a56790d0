/** `users create` and `teams create` as real processes, on the test backend (embedded here; FerretDB or MONGODB_URI in the mongodb project). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate } from '../../server/auth/authenticate.js';
import { openStore } from '../../server/store/index.js';
import { freshStorePlace, type StorePlace } from '../support/testStore.js';
import { runCli } from './runCli.js';

let place: StorePlace;
beforeEach(async () => {
  place = await freshStorePlace(undefined, 'care-people-cli');
});
afterEach(async () => {
  await place.destroy();
});

const run = (script: 'users' | 'teams', args: string[], stdin = '') => runCli(script, args, stdin, [], place.env);

/** Opens the store the commands wrote to (after they exited: the embedded store is one process's at a time). */
async function withStore<T>(work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(place.storeOptions);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

// Each command is a process of its own (several seconds each on a loaded machine).
describe('teams create and users create', { timeout: 180_000 }, () => {
  it('creates a team and the first admin, with the password read from standard input', async () => {
    expect(await run('teams', ['create', 'care', '--tier', '1', '--display-name', 'Customer care'])).toMatchObject({ code: 0, stdout: 'created team care (tier 1)\n' });
    expect(await run('users', ['create', 'Root', '--role', 'admin'], 'a long admin password\n')).toMatchObject({ code: 0, stdout: 'created user root (admin)\n' });
    expect(await run('users', ['create', 'ana', '--role', 'agent', '--teams', 'care', '--name', 'Ana Ruiz'], 'another password')).toMatchObject({ code: 0, stdout: 'created user ana (agent; teams care)\n' });
    await withStore(async (store) => {
      expect(await store.collections.teams.findOne({ name: 'care' })).toMatchObject({ tier: 1, displayName: 'Customer care' });
      expect(await authenticate(store, 'root', 'a long admin password')).toMatchObject({ username: 'root', role: 'admin' });
      expect(await authenticate(store, 'root', 'a long admin password\n')).toBeNull();
      expect(await authenticate(store, 'ana', 'another password')).toMatchObject({ role: 'agent', teams: ['care'], displayName: 'Ana Ruiz' });
    });
  });

  it('refuses a taken team or username with exit code 2 and says which', async () => {
    expect((await run('teams', ['create', 'care', '--tier', '1'])).code).toBe(0);
    expect(await run('teams', ['create', 'care', '--tier', '2'])).toMatchObject({ code: 2, stderr: 'there is already a team "care"\n  NAME: is taken\n' });
    expect((await run('users', ['create', 'root', '--role', 'admin'], 'a long admin password')).code).toBe(0);
    expect(await run('users', ['create', 'ROOT', '--role', 'agent'], 'a long admin password')).toMatchObject({ code: 2, stderr: 'the username "root" is taken\n  NAME: is taken\n' });
    await withStore(async (store) => {
      expect(await store.collections.teams.findOne({ name: 'care' })).toMatchObject({ tier: 1 });
      expect(await store.collections.users.countDocuments({})).toBe(1);
    });
  });

  it('exits 2 naming each bad input, and stores nothing', async () => {
    expect(await run('teams', ['create', 'Care!', '--tier', '5'])).toMatchObject({
      code: 2,
      stderr: 'invalid team\n  NAME: must match the pattern ^[a-z0-9][a-z0-9_-]{0,63}$\n  --tier: must be one of 0, 1, 2\n',
    });
    expect(await run('users', ['create', 'ana', '--role', 'agent', '--teams', 'care,nowhere'], 'long enough')).toMatchObject({
      code: 2,
      stderr: 'the teams do not fit the user\n  --teams item 1: there is no team "care"\n  --teams item 2: there is no team "nowhere"\n',
    });
    expect(await run('users', ['create', 'ana', '--role', 'boss'], 'short')).toMatchObject({
      code: 2,
      stderr: 'invalid user\n  password (standard input): must NOT have fewer than 8 characters\n  --role: must be one of "admin", "agent", "marketing"\n',
    });
    const passwordAsArgument = await run('users', ['create', 'ana', '--role', 'admin', '--password', 'in-the-process-list']);
    expect(passwordAsArgument.code).toBe(2);
    expect(passwordAsArgument.stderr).toMatch(/Unknown option '--password'[\s\S]*< password/);
    expect(await run('users', ['delete', 'ana'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^usage: npm run --silent users -- create NAME/) });
    expect(await run('teams', ['create', 'care'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^--tier is required/) });
    await withStore(async (store) => {
      expect(await store.collections.users.countDocuments({})).toBe(0);
      expect(await store.collections.teams.countDocuments({})).toBe(0);
    });
  });
});
