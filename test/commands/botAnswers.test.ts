import { describe, expect, it } from 'vitest';
import { answerNewCases } from '../../server/replies/botAnswers.js';
import { BRAND_ID, NOW, allCases, message, useIngestStore } from './ingestFixture.js';

const { store, ingest } = useIngestStore();
const answer = (openings: Awaited<ReturnType<typeof ingest>>['openings']) =>
  answerNewCases({ store: store(), brandAccounts: new Set([`x:${BRAND_ID}`]), openings, agentTeam: 'care', canSend: () => true, now: NOW });

describe('the bot after ingestion', () => {
  it('answers a bot case with the reply text its opening decision rendered, without routing it again', async () => {
    const { openings } = await ingest([message('What are your opening hours?', 'A', { minutesAgo: 5 })]);
    const pass = await answer(openings);
    expect(pass.replies.map((reply) => reply.text)).toEqual(['Hi @userA, we open at 9.']);
    expect(pass.caseIds).toEqual([openings[0]!.case._id]);
  });

  it('neither answers nor hands to agents a case a decision suppressed', async () => {
    const { openings } = await ingest([message('unsubscribe me from this', 'A', { minutesAgo: 5 })]);
    expect(openings[0]!.case.status).toBe('suppressed');
    expect(await answer(openings)).toEqual({ caseIds: [], replies: [] });
    expect((await allCases(store()))[0]).toMatchObject({ status: 'suppressed', tier: 0, escalations: 0 });
  });
});
