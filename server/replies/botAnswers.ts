import type { ResponseTargets } from '../cases/responseTargets.js';
import { handOffBotCase } from '../commands/handOffBotCase.js';
import { queueReply, type ReplySender } from '../commands/queueReply.js';
import { ApiError } from '../errors.js';
import type { IngestedOpening } from '../commands/ingestMessages.js';
import { allTeamsScope, type CaseDocument, type MessageDocument, type Store } from '../store/index.js';

/** The bot answers one author at most once in this long (a second question within it goes to agents). */
export const BOT_ANSWER_WINDOW_MS = 24 * 3600_000;
/** The bot answers only messages written this recently: a backlog read at the first start (X keeps 800 mentions) is left alone. */
export const BOT_MAX_AGE_MS = 24 * 3600_000;

/** Who the automatic answers are from: the tier-0 bot, and the public "move to DM" note of tier 2. */
export const BOT_SENDER: ReplySender = { kind: 'system', id: 'bot' };
export const MOVE_TO_DM_SENDER: ReplySender = { kind: 'system', id: 'move-to-dm' };

export interface AnswerNewCasesProps {
  store: Store;
  brandAccounts: ReadonlySet<string>;
  /** The messages a batch has just stored that opened a case, with routing's decision (its reply text rendered). */
  openings: readonly IngestedOpening[];
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

/** A pass under way: also the customers already answered (before it, or by it) per automatic sender. */
interface Pass extends BotPass {
  answered: Set<string>;
}

/**
 * The automatic answers after ingestion, from the decisions that opened the
 * cases (nothing is routed again). A tier-0 case gets its rule's reply text
 * on its own channel, unless the bot already answered that customer within
 * the window, or the rule has no answer (or one that cannot be sent): then
 * the case goes to agents (tier 1, counted as escalated), so no customer is
 * left unanswered. A tier-2 case opened by a public post gets its "move to
 * DM" answer publicly at once. A suppressed case gets nothing. Nothing is
 * answered on a platform without a connector (nobody could send it), nor a
 * message older than BOT_MAX_AGE_MS: such a bot case waits in `bot` until
 * the customer writes again, which escalates it. One pass at a time, so two
 * messages of one author in one batch get one answer.
 */
export function answerNewCases(props: AnswerNewCasesProps): Promise<BotPass> {
  return props.store.exclusive('bot', () => answerAll(props));
}

async function answerAll(props: AnswerNewCasesProps): Promise<BotPass> {
  const pass: Pass = { caseIds: [], replies: [], answered: new Set() };
  const now = props.now ?? new Date();
  const answerable = props.openings.filter(({ case: opened, message }) => props.canSend(opened.platform) && now.getTime() - message.createdAt.getTime() <= BOT_MAX_AGE_MS && !props.brandAccounts.has(`${opened.platform}:${opened.customer.id}`));
  pass.answered = await answeredRecently(props, answerable.map((opening) => opening.case), now);
  for (const { case: opened, decision } of answerable) {
    const text = decision.reply?.trim() ? decision.reply : undefined;
    if (opened.status === 'bot') await answerBotCase(props, pass, opened, text);
    else if (opened.status !== 'suppressed' && opened.tier === 2 && opened.channel === 'public') await noteMoveToDm(props, pass, opened, text);
  }
  return { caseIds: pass.caseIds, replies: pass.replies };
}

async function answerBotCase(props: AnswerNewCasesProps, pass: Pass, current: CaseDocument, text: string | undefined): Promise<void> {
  const now = props.now ?? new Date();
  let reason: string | null = null;
  if (!text) reason = 'the rule has no bot answer';
  else if (pass.answered.has(answerKey(current, BOT_SENDER))) reason = `the bot already answered this customer within ${Math.round((props.windowMs ?? BOT_ANSWER_WINDOW_MS) / 3600_000)} h`;
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
async function noteMoveToDm(props: AnswerNewCasesProps, pass: Pass, current: CaseDocument, text: string | undefined): Promise<void> {
  if (text && !pass.answered.has(answerKey(current, MOVE_TO_DM_SENDER))) await queued(props, pass, current, text, 'public', MOVE_TO_DM_SENDER);
}

async function queued(props: AnswerNewCasesProps, pass: Pass, current: CaseDocument, text: string, channel: 'public' | 'dm', sender: ReplySender): Promise<void> {
  const { reply } = await queueReply({ store: props.store, scope: allTeamsScope(), sender, caseId: current._id, text, channel, brandAccounts: props.brandAccounts, now: props.now });
  pass.caseIds.push(current._id);
  pass.replies.push(reply);
  pass.answered.add(answerKey(current, sender));
}

/**
 * Which customers of these cases an automatic sender answered (queued or sent, not failed) within the window, as
 * answerKey()s: one read per platform for the whole pass (any filter but an `_id` is a scan of all messages on FerretDB).
 */
async function answeredRecently(props: AnswerNewCasesProps, cases: readonly CaseDocument[], now: Date): Promise<Set<string>> {
  const since = new Date(now.getTime() - (props.windowMs ?? BOT_ANSWER_WINDOW_MS));
  const answered = new Set<string>();
  for (const platform of new Set(cases.map((doc) => doc.platform))) {
    const customerIds = [...new Set(cases.filter((doc) => doc.platform === platform).map((doc) => doc.customer.id))];
    const earlier = await props.store.collections.messages.find({
      platform,
      'delivery.customerId': { $in: customerIds },
      'delivery.sender.kind': 'system',
      'delivery.status': { $in: ['queued', 'sent'] },
      createdAt: { $gte: since },
    }, { fields: ['platform', 'delivery'] });
    for (const reply of earlier) answered.add(`${reply.platform}\u0000${reply.delivery!.customerId}\u0000${reply.delivery!.sender.id}`);
  }
  return answered;
}

/** A customer answered by an automatic sender (its id: `bot`, `move-to-dm`). */
function answerKey(current: CaseDocument, sender: ReplySender): string {
  return `${current.platform}\u0000${current.customer.id}\u0000${sender.id}`;
}
