/** How a contract message maps to its stored document and back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../server/routing/index.js';
import { fromMessageDocument, messageIdOf, messageKey, toMessageDocument, type MessageDocument } from '../../server/store/index.js';
import { messageSchema } from '../../server/store/schemas/message.js';
import { validateRecord, validationModel } from '../../server/store/validate.js';

/** The message as the store would hold it: through the schema, defaults filled in. */
async function roundTrip(message: Message): Promise<Message> {
  const stored = await validateRecord('messages', validationModel('messages', messageSchema), { ...toMessageDocument(message) });
  return fromMessageDocument(stored as unknown as MessageDocument);
}

const base: Message = { id: 'x:123', platform: 'x', channel: 'dm', text: '', createdAt: '2026-11-20T14:03:00.000Z', author: { id: '42' } };

describe('message documents', () => {
  it('splits the contract id into platform and external id', () => {
    expect(messageKey(base)).toEqual({ platform: 'x', externalId: '123' });
    expect(messageKey({ id: '123', platform: 'x' })).toEqual({ platform: 'x', externalId: '123' });
    expect(messageKey({ id: 'x:', platform: 'x' })).toEqual({ platform: 'x', externalId: 'x:' });
    expect(messageKey({ id: 'x:1:2', platform: 'x' })).toEqual({ platform: 'x', externalId: '1:2' });
    expect(messageIdOf({ platform: 'x', externalId: '123' })).toBe('x:123');
  });

  it('stores a message with only known properties in typed fields, with nothing extra', async () => {
    const message = { ...base, attachments: [], customer: { vip: true, tags: [] } };
    expect(toMessageDocument(message, { caseId: 'c1' })).toMatchObject({ platform: 'x', externalId: '123', createdAt: new Date(base.createdAt), extra: null, caseId: 'c1' });
    expect(await roundTrip(message)).toEqual(message);
  });

  it('reads back arrays the message did not have as absent, not as the schema default []', async () => {
    const message = { ...base, customer: { vip: true } };
    expect(await roundTrip(message)).toEqual(message);
    expect(await roundTrip(base)).toEqual(base);
  });

  it('reads back any message as it came in: unknown properties, offsets, absent and present arrays', async () => {
    const extraKey = fc.constantFrom('source', 'score', 'a.b', '$x', 'nested');
    const extras = fc.dictionary(extraKey, fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant({ deep: [1, 'x'] })), { maxKeys: 2 });
    const message: fc.Arbitrary<Message> = fc
      .record(
        {
          id: fc.stringMatching(/^x:[0-9]{1,6}$/),
          channel: fc.constantFrom('dm' as const, 'public' as const),
          text: fc.string({ maxLength: 8 }),
          createdAt: fc.constantFrom('2026-11-20T14:03:00.000Z', '2026-11-20T15:03:00+01:00', '2026-11-20T14:03:00Z'),
          author: fc.record({ id: fc.constantFrom('42', '7'), handle: fc.constantFrom('jane', 'joe'), followers: fc.nat(100) }, { requiredKeys: ['id'] }).chain((author) => extras.map((more) => ({ ...more, ...author }))),
          customer: fc.record({ vip: fc.boolean(), tags: fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }) }, { requiredKeys: [] }).chain((customer) => extras.map((more) => ({ ...more, ...customer }))),
          attachments: fc.array(fc.oneof(fc.record({ type: fc.constantFrom('photo', 'video') }), fc.record({ type: fc.constant('photo'), url: fc.constant('https://x.test/p') })), { maxLength: 2 }),
          threadId: fc.constantFrom('1', '2'),
          lang: fc.constantFrom('en', 'de'),
        },
        { requiredKeys: ['id', 'channel', 'text', 'createdAt', 'author'] },
      )
      .chain((fields) => extras.map((more) => ({ ...more, platform: 'x', ...fields }) as Message));
    await fc.assert(
      fc.asyncProperty(message, async (original) => {
        expect(await roundTrip(original)).toEqual(original);
      }),
      { numRuns: 300 },
    );
  });
});
