import type { ResponseTargets } from '../cases/responseTargets.js';
import { handOffBotCase } from '../commands/handOffBotCase.js';
import { queueReply, type ReplySender } from '../commands/queueReply.js';
import { ApiError } from '../errors.js';
import { compileRuleSet, routeMessage, type CompiledRuleSet, type Message } from '../routing/index.js';
import type { ActiveRuleSet } from '../ruleSets/activeRuleSet.js';
import { allTeamsScope, fromMessageDocument, messageKey, type CaseDocument, type MessageDocument, type Store } from '../store/index.js';

/** The bot answers one author at most once in this long (a second question within it goes to agents). */
export const BOT_ANSWER_WINDOW_MS = 24 * 3600_000;
/** The bot answers only messages written this recently: a backlog read at the first start (X keeps 800 mentions) is left alone. */
export const BOT_MAX_AGE_MS = 24 * 3600_000;

/** Who the automatic answers are from: the tier-0 bot, and the public "move to DM" note of tier 2. */
export const BOT_SENDER: ReplySender = { kind: 'system', id: 'bot' };
export const MOVE_TO_DM_SENDER: ReplySender = { kind: 'system', id: 'move-to-dm' };

export interface AnswerNewCasesProps {
  store: Store;
  rules: ActiveRuleSet;
  brandAccounts: ReadonlySet<string>;
  /** Messages a batch has just stored; those that opened a case are answered. */
  stored: readonly Message[];
  /** Where a bot case goes when the bot does not answer it. */
  agentTeam: string;
  /** Whether a connector can send on the platform (without one the bot stays silent and the case waits in `bot`). */
  canSend(platform: string): boolean;
  windowMs?: number;
  /** Response-time targets (default: DEFAULT_SLA). */
  targets?: ResponseTargets;
  now?: Date;
}

/** What the pass changed: the cases, and the replies it queued. */
export interface BotPass {
  caseIds: string[];
  replies: MessageDocument[];
}

/**
 * The automatic answers after ingestion. A tier-0 case gets its rule's
 * `reply.text` on its own channel, unless the bot already answered that
 * customer within the window, or the rule has no answer (or one that cannot
 * be sent): then the case goes to agents (tier 1, counted as escalated), so
 * no customer is left unanswered. A tier-2 case opened by a public post gets
 * its "move to DM" answer publicly at once. Nothing is answered on a
 * platform without a connector (nobody could send it), nor a message older
 * than BOT_MAX_AGE_MS: such a bot case waits in `bot` until the customer
 * writes again, which escalates it. One pass at a time, so two messages of
 * one author in one batch get one answer.
 */
export function answerNewCases(props: AnswerNewCasesProps): Promise<BotPass> {
  return props.store.exclusive('bot', () => answerAll(props));
}

async function answerAll(props: AnswerNewCasesProps): Promise<BotPass> {
  const pass: BotPass = { caseIds: [], replies: [] };
  const now = props.now ?? new Date();
  const recent = props.stored.filter((message) => props.canSend(message.platform) && now.getTime() - Date.parse(message.createdAt) <= BOT_MAX_AGE_MS);
  const openings = await openingMessages(props.store, recent);
  if (openings.length === 0) return pass;
  const cases = await props.store.collections.cases.find(allTeamsScope(), { _id: { $in: openings.map((opening) => opening.caseId!) } });
  const caseById = new Map(cases.map((doc) => [doc._id, doc]));
  for (const opening of openings) {
    const current = caseById.get(opening.caseId!);
    if (!current || props.brandAccounts.has(`${current.platform}:${current.customer.id}`)) continue;
    if (current.status === 'bot') await answerBotCase(props, pass, current, opening);
    else if (current.tier === 2 && current.channel === 'public') await noteMoveToDm(props, pass, current, opening);
  }
  return pass;
}

async function answerBotCase(props: AnswerNewCasesProps, pass: BotPass, current: CaseDocument, opening: MessageDocument): Promise<void> {
  const now = props.now ?? new Date();
  const text = await renderedReply(props, opening);
  let reason: string | null = null;
  if (!text) reason = 'the rule has no bot answer';
  else if (await answeredRecently(props, current, BOT_SENDER, now)) reason = `the bot already answered this customer within ${Math.round((props.windowMs ?? BOT_ANSWER_WINDOW_MS) / 3600_000)} h`;
  else {
    try {
      await queued(props, pass, current, text, current.channel, BOT_SENDER);
      return;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      reason = `the bot answer cannot be sent: ${error.message}`;
    }
  }
  if (await handOffBotCase({ store: props.store, caseId: current._id, team: props.agentTeam, reason, targets: props.targets, now })) pass.caseIds.push(current._id);
}

/**
 * A customer already asked (within the window) to move to DM is not asked again in public: once is
 * enough, and X refuses the same text twice from one account anyway (403 duplicate content).
 */
async function noteMoveToDm(props: AnswerNewCasesProps, pass: BotPass, current: CaseDocument, opening: MessageDocument): Promise<void> {
  const text = await renderedReply(props, opening);
  if (text && !(await answeredRecently(props, current, MOVE_TO_DM_SENDER, props.now ?? new Date()))) await queued(props, pass, current, text, 'public', MOVE_TO_DM_SENDER);
}

async function queued(props: AnswerNewCasesProps, pass: BotPass, current: CaseDocument, text: string, channel: 'public' | 'dm', sender: ReplySender): Promise<void> {
  const { reply } = await queueReply({ store: props.store, scope: allTeamsScope(), sender, caseId: current._id, text, channel, brandAccounts: props.brandAccounts, now: props.now });
  pass.caseIds.push(current._id);
  pass.replies.push(reply);
}

/** The stored messages of the batch that opened a case (they carry routing's decision), oldest first. */
async function openingMessages(store: Store, stored: readonly Message[]): Promise<MessageDocument[]> {
  const byPlatform = new Map<string, string[]>();
  for (const message of stored) {
    const key = messageKey(message);
    byPlatform.set(key.platform, [...(byPlatform.get(key.platform) ?? []), key.externalId]);
  }
  const found: MessageDocument[] = [];
  for (const [platform, externalIds] of byPlatform) {
    found.push(...(await store.collections.messages.find({ platform, externalId: { $in: externalIds }, decision: { $ne: null }, caseId: { $ne: null } })));
  }
  return found.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * The reply text routing rendered for the message: the stored decision keeps
 * the rule, not the text, so the message is routed again with the version
 * that routed it (routing is pure), placeholders rendered as the router does.
 */
async function renderedReply(props: AnswerNewCasesProps, opening: MessageDocument): Promise<string | undefined> {
  const routed = opening.decision!;
  const compiled = await compiledVersion(props, routed.ruleSetVersion);
  if (!compiled) return undefined;
  const decision = routeMessage(compiled, fromMessageDocument(opening));
  return decision.ruleId === (routed.ruleId ?? null) && decision.reply?.trim() ? decision.reply : undefined;
}

async function compiledVersion(props: AnswerNewCasesProps, version: number): Promise<CompiledRuleSet | null> {
  const active = props.rules.get();
  if (active.version === version) return active.compiled;
  const stored = await props.store.collections.ruleSetVersions.findOne({ version });
  return stored ? compileRuleSet(stored.ruleSet) : null;
}

/** Whether this automatic sender answered the customer (queued or sent, not failed) within the window. */
async function answeredRecently(props: AnswerNewCasesProps, current: CaseDocument, sender: ReplySender, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - (props.windowMs ?? BOT_ANSWER_WINDOW_MS));
  const earlier = await props.store.collections.messages.findOne({
    platform: current.platform,
    'delivery.customerId': current.customer.id,
    'delivery.sender.kind': sender.kind,
    'delivery.sender.id': sender.id,
    'delivery.status': { $in: ['queued', 'sent'] },
    createdAt: { $gte: since },
  });
  return earlier !== null;
}
