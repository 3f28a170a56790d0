import { defineConfig } from 'vitest/config';
import { FERRETDB_INSTALL_HINT, ferretDbPath } from './test/support/ferretdb.js';

/** The tests that touch the store through the server, a command or a CLI: run again on MongoDB by the `mongodb` project. */
const STORE_TESTS = ['test/routes/**/*.test.ts', 'test/commands/**/*.test.ts', 'test/crash/**/*.test.ts', 'test/realtime/**/*.test.ts', 'test/ruleSets/**/*.test.ts', 'test/server/**/*.test.ts', 'test/cli/people.test.ts', 'test/webhooks/webhooks.test.ts', 'test/webhooks/lateCaseEvents.test.ts', 'test/webhooks/fanOut.test.ts', 'test/audit/**/*.test.ts', 'test/governance/**/*.test.ts'];

// The mongodb project runs where there is a MongoDB to run it on (MONGODB_URI, or FerretDB installed), and always
// under CI=true (where the global setup then fails and says how to install FerretDB); elsewhere it is left out, saying so.
/** Tests that time the server (the one bound an issue asks a test for): run alone, after every other file, so other tests' load does not count. */
const TIMED_TESTS = ['test/routes/rulesRegexLimits.test.ts'];

const mongodbAvailable = Boolean(process.env.MONGODB_URI?.trim()) || ferretDbPath() !== null || process.env.CI === 'true';
if (!mongodbAvailable) console.warn(`vitest project "mongodb" skipped: ${FERRETDB_INSTALL_HINT}`);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // beforeAll hooks start servers and log several users in (scrypt): on a loaded machine that passes 10 s.
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'embedded',
          include: ['test/**/*.test.ts'],
          exclude: TIMED_TESTS,
          // Builds the React client once for the browser tests (test/browser), where the server serves it from;
          // starts the MongoDB-protocol server (FerretDB) the store contract suites share, unless MONGODB_URI names one.
          globalSetup: ['test/browser/buildClient.ts', 'test/support/mongoSetup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'timed',
          include: TIMED_TESTS,
          // After the other projects (group 0) have finished, one file at a time.
          sequence: { groupOrder: 1 },
          maxWorkers: 1,
        },
      },
      ...(mongodbAvailable
        ? [
            {
              extends: true as const,
              test: {
                name: 'mongodb',
                include: STORE_TESTS,
                // Exclude env.test.ts: it reads variables, no store.
                exclude: ['test/server/env.test.ts', ...TIMED_TESTS],
                env: { TEST_STORE: 'mongodb' },
                // Its own FerretDB (or MONGODB_URI), so the two projects do not queue on one server.
                globalSetup: ['test/support/mongoSetup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
