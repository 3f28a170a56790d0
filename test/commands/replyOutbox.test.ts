import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestMessages } from '../../server/commands/ingestMessages.js';
import { queueReply } from '../../server/commands/queueReply.js';
import type { Connector, ConnectorHealth, OutgoingReply } from '../../server/connectors/connector.js';
import { answerNewCases } from '../../server/replies/botAnswers.js';
import { ReplyOutbox } from '../../server/replies/outbox.js';
import { compileRuleSet, type Message, type RuleSet } from '../../server/routing/index.js';
import { ActiveRuleSet } from '../../server/ruleSets/activeRuleSet.js';
import { allTeamsScope, openStore, type MessageDocument, type Store } from '../../server/store/index.js';

const RULES: RuleSet = {
  rules: [{ id: 'hours', when: { field: 'text', op: 'containsAny', value: ['opening hours'] }, then: { tier: 0, team: 'bot', reply: { text: 'Hi {{author.name}}, we open at 9.' } } }],
  fallback: { tier: 1, team: 'care' },
};
const rules = new ActiveRuleSet({ version: 1, ruleSet: RULES, compiled: compileRuleSet(RULES) });
const BRAND = new Set(['x:1000']);

/** A connector whose sends do what the test scripts: each call takes the next step (an id to answer, or an error to throw). */
class ScriptedConnector implements Connector {
  readonly name = 'x';
  readonly platform = 'x';
  readonly sent: Array<{ reply: OutgoingReply; at: number }> = [];
  constructor(private readonly steps: Array<string | Error | Promise<string>>) {}
  start(): void {}
  async stop(): Promise<void> {}
  async pollOnce(): Promise<void> {}
  health(): ConnectorHealth {
    return { name: this.name, status: 'ok', lastPollAt: null, streams: [] };
  }
  async send(reply: OutgoingReply): Promise<{ externalId: string }> {
    this.sent.push({ reply, at: Date.now() });
    const step = this.steps.shift();
    if (step === undefined) throw new Error('no step left');
    if (step instanceof Error) throw step;
    return { externalId: await step };
  }
}

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outbox-'));
  store = await openStore({ dataDir: dir });
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

let sequence = 0;
async function openCase(text: string, author = { id: '7', name: 'Jo' }, now = new Date()): Promise<{ caseId: string; message: Message }> {
  const threadId = String(2000 + ++sequence);
  const message: Message = { id: `x:${threadId}`, platform: 'x', channel: 'public', text, createdAt: now.toISOString(), author, threadId };
  await ingestMessages({ store, rules, brandAccounts: BRAND, messages: [message], now });
  return { caseId: (await store.collections.cases.findOne(allTeamsScope(), { threadId }))!._id, message };
}

async function queued(caseId: string, text = 'We are on it.'): Promise<MessageDocument> {
  const { reply } = await queueReply({ store, scope: allTeamsScope(), sender: { kind: 'user', id: 'u1' }, caseId, text, channel: 'public', brandAccounts: BRAND });
  return reply;
}

async function settled(replyId: string): Promise<MessageDocument> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const reply = (await store.collections.messages.findOne({ _id: replyId }))!;
    if (reply.delivery!.status !== 'queued') return reply;
    if (Date.now() > deadline) throw new Error('the reply stayed queued');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const outboxFor = (connector: Connector) => new ReplyOutbox({ store, connectors: () => [connector], agentTeam: () => 'care', retry: { maxAttempts: 3, baseDelayMs: 40, maxDelayMs: 60 } });

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
    const outbox = outboxFor(new ScriptedConnector([new Promise<string>((_resolve, reject) => (cut = reject))]));
    outbox.wake();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopping = outbox.stop();
    cut(new Error('the connector stopped'));
    await stopping;
    expect((await store.collections.messages.findOne({ _id: reply._id }))!.delivery).toMatchObject({ status: 'queued', attempts: 0 });
  });
});

describe('the bot', () => {
  it('answers an author again once the configured window has passed', async () => {
    const t0 = new Date('2026-11-20T09:00:00Z');
    const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const author = { id: '77', name: 'Ada' };
    const answer = (message: Message, now: Date) => answerNewCases({ store, rules, brandAccounts: BRAND, stored: [message], agentTeam: 'care', canSend: () => true, windowMs: 30 * 60_000, now });

    const first = await openCase('opening hours?', author, t0);
    expect((await answer(first.message, t0)).replies.map((reply) => reply.text)).toEqual(['Hi Ada, we open at 9.']);
    const second = await openCase('opening hours on sunday?', author, later(10));
    expect(await answer(second.message, later(10))).toMatchObject({ caseIds: [second.caseId], replies: [] });
    const third = await openCase('and the opening hours tomorrow?', author, later(45));
    expect((await answer(third.message, later(45))).replies).toHaveLength(1);
    expect(await store.collections.cases.findOne(allTeamsScope(), { _id: second.caseId })).toMatchObject({ status: 'new', tier: 1, team: 'care' });
    expect(await store.collections.cases.findOne(allTeamsScope(), { _id: third.caseId })).toMatchObject({ status: 'bot', tier: 0 });
  });

  it('stays silent where no connector can send', async () => {
    const opened = await openCase('opening hours?');
    expect(await answerNewCases({ store, rules, brandAccounts: BRAND, stored: [opened.message], agentTeam: 'care', canSend: () => false })).toEqual({ caseIds: [], replies: [] });
    expect(await store.collections.cases.findOne(allTeamsScope(), { _id: opened.caseId })).toMatchObject({ status: 'bot', lastEventSeq: 1 });
  });
});
