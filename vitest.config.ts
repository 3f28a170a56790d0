import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Builds the React client once for the browser tests (test/browser), where the server serves it from.
    globalSetup: ['test/browser/buildClient.ts'],
  },
});
