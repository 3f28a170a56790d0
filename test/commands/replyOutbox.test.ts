import { describe, expect, it } from 'vitest';
import { ingestMessages, type IngestedOpening } from '../../server/commands/ingestMessages.js';
import { queueReply } from '../../server/commands/queueReply.js';
import { OutcomeUnknownError, WindowWaitError, type Connector } from '../../server/connectors/connector.js';
import { answerNewCases } from '../../server/replies/botAnswers.js';
import { ReplyOutbox } from '../../server/replies/outbox.js';
import { compileRuleSet, type Message, type RuleSet } from '../../server/routing/index.js';
import { ActiveRuleSet } from '../../server/ruleSets/activeRuleSet.js';
import { allTeamsScope, type MessageDocument } from '../../server/store/index.js';
import { ScriptedConnector } from '../support/scriptedConnector.js';
import { useFreshStore } from '../support/testStore.js';

const RULES: RuleSet = {
  rules: [{ id: 'hours', when: { field: 'text', op: 'containsAny', value: ['opening hours'] }, then: { tier: 0, team: 'bot', reply: { text: 'Hi {{author.name}}, we open at 9.' } } }],
  fallback: { tier: 1, team: 'care' },
};
const rules = new ActiveRuleSet({ version: 1, ruleSet: RULES, compiled: compileRuleSet(RULES) });
const BRAND = new Set(['x:1000']);

const fresh = useFreshStore('outbox');

let sequence = 0;
async function openCase(text: string, author = { id: '7', name: 'Jo' }, now = new Date()): Promise<{ caseId: string; message: Message; openings: IngestedOpening[] }> {
  const { store } = fresh;
  const threadId = String(2000 + ++sequence);
  const message: Message = { id: `x:${threadId}`, platform: 'x', channel: 'public', text, createdAt: now.toISOString(), author, threadId };
  const { openings } = await ingestMessages({ store, rules, brandAccounts: BRAND, messages: [message], now });
  return { caseId: (await store.collections.cases.findOne(allTeamsScope(), { threadId }))!._id, message, openings };
}

async function queued(caseId: string, text = 'We are on it.'): Promise<MessageDocument> {
  const { reply } = await queueReply({ store: fresh.store, scope: allTeamsScope(), sender: { kind: 'user', id: 'u1' }, caseId, text, channel: 'public', brandAccounts: BRAND });
  return reply;
}

async function settled(replyId: string): Promise<MessageDocument> {
  // A wait, not a speed check: FerretDB under a loaded test run can take seconds per write.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const reply = (await fresh.store.collections.messages.findOne({ _id: replyId }))!;
    if (reply.delivery!.status !== 'queued') return reply;
    if (Date.now() > deadline) throw new Error('the reply stayed queued');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const outboxFor = (connector: Connector) => new ReplyOutbox({ store: fresh.store, connectors: () => [connector], agentTeam: () => 'care', retry: { maxAttempts: 3, baseDelayMs: 40, maxDelayMs: 60 } });

describe('the reply outbox', () => {
  it('backs off exponentially between transient failures (capped) and gives up after the last attempt', async () => {
    const { caseId } = await openCase('my order is late');
    const reply = await queued(caseId);
    const connector = new ScriptedConnector([new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up')]);
    const outbox = outboxFor(connector);
    outbox.wake();
    const failed = await settled(reply._id);
    await outbox.stop();
    expect(failed.delivery).toMatchObject({ status: 'failed', attempts: 3, error: 'socket hang up (gave up after 3 attempts)', nextAttemptAt: null });
    const [first, second, third] = connector.sent.map((call) => call.at);
    expect(second! - first!).toBeGreaterThanOrEqual(40 - 5);
    expect(third! - second!).toBeGreaterThanOrEqual(60 - 5); // 80 capped at 60
    expect(connector.sent[0]!.reply).toEqual({ channel: 'public', text: 'We are on it.', inReplyTo: reply.inReplyTo });
  });

  it('fails at once on a refusal that would repeat, and sends the next reply', async () => {
    const { caseId } = await openCase('another question');
    const refused = await queued(caseId, 'first');
    const next = await queued(caseId, 'second');
    const outbox = outboxFor(new ScriptedConnector([new Error('403 duplicate content'), '555']));
    outbox.wake();
    expect((await settled(refused._id)).delivery).toMatchObject({ status: 'failed', attempts: 1, error: '403 duplicate content' });
    expect(await settled(next._id)).toMatchObject({ externalId: '555', delivery: { status: 'sent', attempts: 1 } });
    await outbox.stop();
  });

  it('leaves a reply queued when it stops in the middle of a send', async () => {
    const { caseId } = await openCase('a third question');
    const reply = await queued(caseId);
    let cut!: (error: Error) => void;
    const connector = new ScriptedConnector([new Promise<string>((_resolve, reject) => (cut = reject))]);
    const outbox = outboxFor(connector);
    outbox.wake();
    while (connector.sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopping = outbox.stop();
    cut(new Error('the connector stopped'));
    await stopping;
    expect((await fresh.store.collections.messages.findOne({ _id: reply._id }))!.delivery).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('marks each attempt before it leaves; a reply left mid-send is looked up first on the next start, and found counts as sent', async () => {
    const { caseId } = await openCase('a fourth question');
    const reply = await queued(caseId);
    let cut!: (error: Error) => void;
    const crashing = new ScriptedConnector([new Promise<string>((_resolve, reject) => (cut = reject))]);
    const first = outboxFor(crashing);
    first.wake();
    while (crashing.sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const markedBeforeSend = (await fresh.store.collections.messages.findOne({ _id: reply._id }))!.delivery!.attemptStartedAt;
    const stopping = first.stop();
    cut(new Error('the process died'));
    await stopping;
    expect(markedBeforeSend).toBeInstanceOf(Date);
    expect(crashing.sent[0]!.reply).not.toHaveProperty('unknownAttemptAt');

    const restarted = new ScriptedConnector([{ externalId: '777', settledBy: 'found' }]);
    const second = outboxFor(restarted);
    second.wake();
    const sent = await settled(reply._id);
    await second.stop();
    expect(restarted.sent[0]!.reply.unknownAttemptAt).toEqual(markedBeforeSend);
    expect(sent).toMatchObject({ externalId: '777', delivery: { status: 'sent', attemptStartedAt: null } });
  });

  it('keeps an unknown outcome unknown across tries and gives up saying so; "probably sent" is recorded as sent', async () => {
    const { caseId } = await openCase('a fifth question');
    const unknown = await queued(caseId, 'unknown one');
    const probable = await queued(caseId, 'probable one');
    const at = new Date('2026-12-03T08:00:00Z');
    const lost = () => new OutcomeUnknownError('no answer from X', at);
    const connector = new ScriptedConnector([lost(), { externalId: null, probablySent: 'X refused it as a duplicate' }, lost(), lost()]);
    const outbox = outboxFor(connector);
    outbox.wake();
    const failed = await settled(unknown._id);
    const sent = await settled(probable._id);
    await outbox.stop();
    expect(failed.delivery).toMatchObject({ status: 'failed', attempts: 3, error: 'outcome unknown after 3 attempts: no answer from X; check the account on X before sending it again' });
    expect(connector.sent.filter((call) => call.reply.text === 'unknown one').map((call) => call.reply.unknownAttemptAt)).toEqual([undefined, at, at]);
    expect(sent).toMatchObject({ externalId: `reply-${probable._id}`, delivery: { status: 'sent', error: 'probably sent: X refused it as a duplicate' } });
  });

  it('a spent window is not an attempt: the reply waits until it opens, saying why', async () => {
    const { caseId } = await openCase('a seventh question');
    const reply = await queued(caseId, 'after the window');
    const opens = new Date(Date.now() + 3_600_000);
    const outbox = outboxFor(new ScriptedConnector([new WindowWaitError('waiting for X\'s post window, which opens again at …', opens)]));
    outbox.wake();
    for (;;) {
      const current = (await fresh.store.collections.messages.findOne({ _id: reply._id }))!;
      if (current.delivery!.error) {
        expect(current.delivery).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: opens, attemptStartedAt: null, error: 'waiting for X\'s post window, which opens again at …' });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await outbox.stop();
  });

  it('runs one lane per channel: a DM still on the network holds no public reply, not even one queued after it left', async () => {
    const { store } = fresh;
    const { caseId } = await openCase('a sixth question');
    const { reply: dm } = await queueReply({ store, scope: allTeamsScope(), sender: { kind: 'user', id: 'u1' }, caseId, text: 'by DM', channel: 'dm', brandAccounts: BRAND });
    const firstPublic = await queued(caseId, 'in public');
    let releaseDm!: (id: string) => void;
    const dmAnswer = new Promise<string>((resolve) => (releaseDm = resolve));
    const publicIds = ['900', '902'];
    const connector = new ScriptedConnector((reply) => (reply.channel === 'dm' ? dmAnswer : publicIds.shift()));
    const outbox = outboxFor(connector);
    outbox.wake();
    expect(await settled(firstPublic._id)).toMatchObject({ externalId: '900', delivery: { status: 'sent' } });
    while (!connector.sent.some((call) => call.reply.channel === 'dm')) await new Promise((resolve) => setTimeout(resolve, 5));
    const laterPublic = await queued(caseId, 'in public, later');
    outbox.wake();
    expect(await settled(laterPublic._id)).toMatchObject({ externalId: '902', delivery: { status: 'sent' } });
    expect((await store.collections.messages.findOne({ _id: dm._id }))!.delivery!.status).toBe('queued');
    releaseDm('901');
    expect(await settled(dm._id)).toMatchObject({ externalId: '901' });
    await outbox.stop();
    expect(connector.sent.filter((call) => call.reply.channel === 'dm')).toHaveLength(1);
  });

  it('sends an agent\'s reply queued behind a long backlog of bot answers first, and reads the queue a batch at a time', async () => {
    const { store } = fresh;
    const { caseId } = await openCase('a ninth question');
    const backlog: MessageDocument[] = [];
    for (let n = 0; n < 45; n++) backlog.push((await queueReply({ store, scope: allTeamsScope(), sender: { kind: 'system', id: 'bot' }, caseId, text: `bot answer ${n}`, channel: 'public', brandAccounts: BRAND })).reply);
    const agents = await queued(caseId, 'from an agent');
    const reads: Array<number | undefined> = [];
    const find = store.collections.messages.find.bind(store.collections.messages);
    store.collections.messages.find = ((...args: Parameters<typeof find>) => {
      reads.push((args[1] as { limit?: number } | undefined)?.limit);
      return find(...args);
    }) as typeof find;
    let id = 1000;
    const connector = new ScriptedConnector(() => String(id++));
    const outbox = outboxFor(connector);
    outbox.wake();
    for (const reply of [agents, ...backlog]) await settled(reply._id);
    await outbox.stop();
    expect(connector.sent.map((call) => call.reply.text)).toEqual(['from an agent', ...backlog.map((reply) => reply.text)]);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((limit) => limit !== undefined && limit <= 21), `limits of the outbox's reads: ${reads.join(', ')}`).toBe(true);
  });

  it('looks only at the lanes it is woken for: a DM queued wakes the DM lane, a reply for a platform without a connector the lane of those', async () => {
    const { store } = fresh;
    const filters: Array<Record<string, unknown>> = [];
    const find = store.collections.messages.find.bind(store.collections.messages);
    store.collections.messages.find = ((...args: Parameters<typeof find>) => {
      filters.push(args[0] as Record<string, unknown>);
      return find(...args);
    }) as typeof find;
    const outbox = outboxFor(new ScriptedConnector([]));
    outbox.wake([{ platform: 'x', channel: 'dm' }]);
    await outbox.stop();
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.every((filter) => filter.platform === 'x' && filter.channel === 'dm'), JSON.stringify(filters)).toBe(true);
    filters.length = 0;
    outbox.resume();
    await outbox.stop();
    expect(new Set(filters.map((filter) => JSON.stringify({ platform: filter.platform, channel: filter.channel }))).size, 'a wake without lanes looks at all three').toBe(3);
    filters.length = 0;
    const other = outboxFor(new ScriptedConnector([]));
    other.wake([{ platform: 'mastodon', channel: 'public' }]);
    await other.stop();
    expect(filters.every((filter) => JSON.stringify(filter.platform) === JSON.stringify({ $nin: ['x'] })), JSON.stringify(filters)).toBe(true);
  });

  it('fails the replies of a platform no connector sends on, without holding the others', async () => {
    const { caseId } = await openCase('an eighth question');
    const orphan = await queued(caseId, 'nowhere to go');
    await fresh.store.collections.messages.findOneAndUpdate({ _id: orphan._id }, { $set: { platform: 'mastodon' } });
    const reply = await queued(caseId, 'to X');
    const outbox = outboxFor(new ScriptedConnector(['903']));
    outbox.wake();
    expect((await settled(orphan._id)).delivery).toMatchObject({ status: 'failed', error: 'no connector for platform' });
    expect(await settled(reply._id)).toMatchObject({ externalId: '903' });
    await outbox.stop();
  });
});

describe('the bot', () => {
  it('answers an author again once the configured window has passed', async () => {
    const { store } = fresh;
    const t0 = new Date('2026-11-20T09:00:00Z');
    const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const author = { id: '77', name: 'Ada' };
    const answer = (openings: IngestedOpening[], now: Date) => answerNewCases({ store, brandAccounts: BRAND, openings, agentTeam: 'care', canSend: () => true, windowMs: 30 * 60_000, now });

    const first = await openCase('opening hours?', author, t0);
    expect((await answer(first.openings, t0)).replies.map((reply) => reply.text)).toEqual(['Hi Ada, we open at 9.']);
    const second = await openCase('opening hours on sunday?', author, later(10));
    expect(await answer(second.openings, later(10))).toMatchObject({ caseIds: [second.caseId], replies: [] });
    const third = await openCase('and the opening hours tomorrow?', author, later(45));
    expect((await answer(third.openings, later(45))).replies).toHaveLength(1);
    expect(await store.collections.cases.findOne(allTeamsScope(), { _id: second.caseId })).toMatchObject({ status: 'new', tier: 1, team: 'care' });
    expect(await store.collections.cases.findOne(allTeamsScope(), { _id: third.caseId })).toMatchObject({ status: 'bot', tier: 0 });
  });

  it('stays silent where no connector can send', async () => {
    const { store } = fresh;
    const opened = await openCase('opening hours?');
    expect(await answerNewCases({ store, brandAccounts: BRAND, openings: opened.openings, agentTeam: 'care', canSend: () => false })).toEqual({ caseIds: [], replies: [] });
    expect(await store.collections.cases.findOne(allTeamsScope(), { _id: opened.caseId })).toMatchObject({ status: 'bot', lastEventSeq: 1 });
  });
});
