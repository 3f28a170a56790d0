import { afterAll, describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../../server/env.js';
import { INGEST_TOKEN_FAILURES } from '../../server/routes/messages/messages.js';
import { startTestServer } from './startTestServer.js';

const TOKEN = 'ingest-token-for-proxy-tests';
const servers: Array<{ stop(): Promise<void> }> = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

async function server(env: Record<string, string>) {
  const started = await startTestServer({ INGEST_TOKEN: TOKEN, ...env });
  servers.push(started);
  return started;
}

function problemsOf(source: Record<string, string>): string[] {
  try {
    readEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

const logIn = (url: string, username: string, password: string, forwardedFor?: string) =>
  fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) }, body: JSON.stringify({ username, password }) });

const ingest = (url: string, token: string, forwardedFor: string) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ id: `chat:${forwardedFor}`, platform: 'chat', channel: 'dm', text: 'hello', createdAt: '2026-11-20T14:03:00Z', author: { id: 'c1' } }),
  });

describe('TRUST_PROXY and INGEST_TOKEN at start-up', () => {
  it('reads proxy hops or addresses, refuses "true" and a short ingest token', () => {
    expect(readEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readEnv({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback']);
    expect(readEnv({ TRUST_PROXY: '0' }).trustProxy).toBeUndefined();
    expect(problemsOf({ TRUST_PROXY: 'true', INGEST_TOKEN: 'short-token' })).toEqual([
      'INGEST_TOKEN must be at least 16 characters',
      'TRUST_PROXY must be the number of proxies in front (e.g. 1) or their addresses/subnets (e.g. 10.0.0.0/8,loopback), got "true"',
    ]);
  });
});

describe('behind a TLS proxy (TRUST_PROXY=1)', () => {
  it('sends a Secure session cookie, and throttles log-ins by the forwarded client address', async () => {
    const { url } = await server({ TRUST_PROXY: '1' });
    const ok = await logIn(url, 'admin', 'demo', '203.0.113.1');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/; Secure/i);
    for (let i = 0; i < 5; i++) expect((await logIn(url, 'ana', 'wrong', '203.0.113.5')).status).toBe(401);
    expect((await logIn(url, 'ana', 'demo', '203.0.113.5')).status).toBe(429);
    expect((await logIn(url, 'ana', 'demo', '203.0.113.6')).status).toBe(200);
  });

  it('throttles wrong ingest tokens per client address, as failed log-ins', async () => {
    const { url } = await server({ TRUST_PROXY: '1' });
    for (let i = 0; i < INGEST_TOKEN_FAILURES.limit; i++) expect((await ingest(url, 'guessed-token-0000000', '198.51.100.7')).status).toBe(401);
    const blocked = await ingest(url, TOKEN, '198.51.100.7');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await ingest(url, TOKEN, '198.51.100.8')).status).toBe(200);
  });
});

describe('without TRUST_PROXY', () => {
  it('sends no Secure cookie over plain HTTP and ignores X-Forwarded-For', async () => {
    const { url } = await server({});
    const ok = await logIn(url, 'admin', 'demo');
    expect(ok.headers.get('set-cookie')).not.toMatch(/Secure/i);
    for (let i = 0; i < 5; i++) expect((await logIn(url, 'ana', 'wrong', `203.0.113.${10 + i}`)).status).toBe(401);
    expect((await logIn(url, 'ana', 'demo', '203.0.113.99')).status).toBe(429);
  });
});
