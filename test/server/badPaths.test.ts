import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../../server/logger.js';
import { startTestServer } from './startTestServer.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

async function get(path: string) {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, body: await response.json() };
}

describe('bad paths', () => {
  it('answers 400 to malformed percent-encoding in a route parameter, logged out too, and logs no error', async () => {
    const logged = vi.spyOn(logger, 'error');
    for (const path of ['/api/rules/versions/%E0', '/api/cases/%zz']) {
      const reply = await get(path);
      expect(reply.status).toBe(400);
      expect(reply.body.error).toEqual({ code: 'bad_request', message: `the path holds malformed percent-encoding: ${path}` });
    }
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('names the full path of an unknown API route', async () => {
    const reply = await get('/api/nothing/here?x=1');
    expect(reply.status).toBe(404);
    expect(reply.body.error).toEqual({ code: 'not_found', message: 'route GET /api/nothing/here not found' });
  });
});
