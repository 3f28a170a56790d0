/** The audit entry is stored before the change is attempted: when it cannot be stored, the route does not run. */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { expect, it } from 'vitest';
import { auditWrites } from '../../server/audit/auditWrites.js';
import { errorHandler } from '../../server/middleware/errorHandler.js';
import type { Store } from '../../server/store/index.js';

it('refuses the change (500) when its audit entry cannot be written, and the route never runs', async () => {
  let changed = false;
  const failingStore = { collections: { auditEntries: { insertOne: async () => { throw new Error('audit store down'); } } } } as unknown as Store;
  const app = express();
  app.use((_req, res, next) => {
    res.locals.user = { id: 'u1', username: 'admin', role: 'admin', teams: [] };
    next();
  });
  app.use(auditWrites(failingStore));
  app.post('/api/teams', (_req, res) => {
    changed = true;
    res.status(201).json({});
  });
  app.use(errorHandler);
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const reply = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/teams`, { method: 'POST' });
    expect(reply.status).toBe(500);
    expect(changed).toBe(false);
  } finally {
    server.close();
  }
});
