import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEM_BOUNDS } from '../../server/routes/messages/itemBounds.js';
import { startTestServer } from './startTestServer.js';

const TOKEN = 'ingest-token-for-bounds-tests';
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ INGEST_TOKEN: TOKEN });
});
afterAll(() => server.stop());

async function post(body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: text });
  return { status: response.status, body: await response.json() };
}

const message = (id: string, overrides: Record<string, unknown> = {}) => ({ id, platform: 'chat', channel: 'dm', text: 'hello', createdAt: '2026-11-20T14:03:00Z', author: { id: `author-${id}` }, ...overrides });

/** A value nested `levels` objects deep: {a:{a:{…}}}. */
function nested(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe('POST /api/messages bounds each item', () => {
  it('refuses a message nested 5,000 deep as an item error with its pointer, and stores its neighbours', async () => {
    // Written as text: JSON.stringify itself runs out of stack on such a value.
    const deep = JSON.stringify(message('bounds:deep', { extra: 'DEEP' })).replace('"DEEP"', `${'{"a":'.repeat(5000)}"bottom"${'}'.repeat(5000)}`);
    const { status, body } = await post(`[${JSON.stringify(message('bounds:1'))},${deep},${JSON.stringify(message('bounds:2'))}]`);
    expect(status).toBe(200);
    expect(body.accepted).toEqual(['bounds:1', 'bounds:2']);
    // The item is level 1, extra level 2: the first level past the bound is named.
    expect(body.errors).toEqual([{ index: 1, id: 'bounds:deep', pointer: `/1/extra${'/a'.repeat(ITEM_BOUNDS.maxDepth - 1)}`, message: `nests objects and arrays more than ${ITEM_BOUNDS.maxDepth} levels deep` }]);
    expect(await server.store.collections.messages.countDocuments({})).toBe(2);
  });

  it('refuses an overlong text, too many values and blank ids, by pointer', async () => {
    const { body } = await post([
      message('bounds:long', { text: 'x'.repeat(ITEM_BOUNDS.maxTextLength + 1) }),
      message('bounds:wide', { attachments: Array.from({ length: ITEM_BOUNDS.maxValues + 1 }, () => ({ type: 'image' })) }),
      message('   '),
      message('bounds:nobody', { author: { id: ' ' } }),
      message('bounds:fits', { text: 'x'.repeat(ITEM_BOUNDS.maxTextLength), extra: nested(ITEM_BOUNDS.maxDepth - 2) }),
    ]);
    expect(body.errors).toEqual([
      { index: 0, id: 'bounds:long', pointer: '/0/text', message: `is longer than ${ITEM_BOUNDS.maxTextLength} characters` },
      { index: 1, id: 'bounds:wide', pointer: '/1/attachments', message: `the message holds more than ${ITEM_BOUNDS.maxValues} properties and array items in all` },
      { index: 2, id: '   ', pointer: '/2/id', message: 'must not be blank (an id needs a character other than spaces)' },
      { index: 3, id: 'bounds:nobody', pointer: '/3/author/id', message: 'must not be blank (an id needs a character other than spaces)' },
    ]);
    expect(body.accepted).toEqual(['bounds:fits']);
  });

  it('refuses a createdAt more than 5 minutes ahead of the server clock (year 9999 too), and accepts one within', async () => {
    const soon = new Date(Date.now() + 4 * 60_000).toISOString();
    const { body } = await post([message('bounds:future', { createdAt: '9999-12-31T23:59:59Z' }), message('bounds:soon', { createdAt: soon })]);
    expect(body.errors).toEqual([{ index: 0, id: 'bounds:future', pointer: '/0/createdAt', message: expect.stringMatching(/^is more than 5 minutes ahead of the server's clock/) }]);
    expect(body.accepted).toEqual(['bounds:soon']);
  });
});
