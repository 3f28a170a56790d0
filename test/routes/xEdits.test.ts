import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromMessageDocument } from '../../server/store/index.js';
import { startReplyServer, type ReplyServer } from './repliesServer.js';

let x: ReplyServer;
beforeAll(async () => {
  x = await startReplyServer();
});
afterAll(async () => {
  await x.stop();
});

describe('an edited post on X (server, connector, simulator over HTTP)', () => {
  it('updates its stored message instead of arriving as a second one', async () => {
    const { tweet, case: opened } = await x.mention('order 12 & 13 are late');
    x.sim.editPost(tweet.id, '@AcmeHelp order 12 & 14 are late, see https://acme.example/o/14');
    await x.pollOnce();
    const messages = await x.store.collections.messages.find({ caseId: opened._id });
    expect(messages).toHaveLength(1);
    const message = fromMessageDocument(messages[0]!);
    expect(message).toMatchObject({ id: `x:${tweet.id}`, text: expect.stringMatching(/^@AcmeHelp order 12 & 14 are late, see https:\/\/t\.co\//), links: [expect.objectContaining({ expandedUrl: 'https://acme.example/o/14' })] });
    expect(message.latestVersionId).not.toBe(tweet.id);
  });
});
