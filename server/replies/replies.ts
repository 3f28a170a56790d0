import type { ResponseTargets } from '../cases/responseTargets.js';
import { agentTeamOf } from '../commands/handOffBotCase.js';
import { queueReply, type QueuedReply, type QueueReplyProps } from '../commands/queueReply.js';
import { retryReply, type RetryReplyProps } from '../commands/retryReply.js';
import type { Connector } from '../connectors/connector.js';
import { logger } from '../logger.js';
import type { IngestResult } from '../commands/ingestMessages.js';
import type { ActiveRuleSet } from '../ruleSets/activeRuleSet.js';
import { messageIdOf, type MessageDocument, type Store } from '../store/index.js';
import { answerNewCases, BOT_ANSWER_WINDOW_MS, type BotPass } from './botAnswers.js';
import { ReplyOutbox, type ReplyRetryPolicy } from './outbox.js';
import type { LaneOf, OutboxNudges } from './outboxNudges.js';

export interface RepliesOptions {
  store: Store;
  rules: ActiveRuleSet;
  /** Our own accounts per platform ("x:1000…"): what we send is theirs, and they are never answered. */
  brandAccounts: ReadonlySet<string>;
  connectors(): readonly Connector[];
  /** Announces changed cases with their new or updated messages ("x:123" keys), after the write is durable. */
  announce(caseIds: string[], messageIds: ReadonlySet<string>): Promise<void>;
  retry?: ReplyRetryPolicy;
  /** How long the bot waits before answering the same author again. */
  botWindowMs?: number;
  /** Response-time targets (default: DEFAULT_SLA). */
  targets?: ResponseTargets;
  /** With several processes: how a process that does not send tells the one that does, and how that one hears it. */
  nudges?: OutboxNudges;
}

/** What the replies route needs: queue an agent's reply, or a failed one again (the outbox sends it). */
export interface ReplyQueue {
  queue(props: Omit<QueueReplyProps, 'store' | 'brandAccounts'>): Promise<QueuedReply>;
  retry(props: Omit<RetryReplyProps, 'store'>): Promise<QueuedReply>;
}

/** Replies, the bot's answers and their outbox, composed once by the server. */
export class Replies implements ReplyQueue {
  private readonly outbox: ReplyOutbox;
  /** Whether this process sends (ROLE=web only queues: a worker holding the outbox's lease sends). */
  private sending = false;
  private stopListening: (() => void) | undefined;

  constructor(private readonly options: RepliesOptions) {
    this.outbox = new ReplyOutbox({
      store: options.store,
      connectors: options.connectors,
      agentTeam: () => agentTeamOf(options.rules),
      targets: options.targets,
      retry: options.retry,
      delivered: ({ reply, case: changed }) => {
        if (reply?.caseId && changed) this.announce([reply.caseId], [reply]);
      },
    });
  }

  /** Starts sending, beginning with what was queued before a restart; hears the nudges of processes that queue replies. */
  start(): void {
    this.sending = true;
    this.stopListening ??= this.options.nudges?.listen((lanes) => this.outbox.wake(lanes));
    this.outbox.resume();
  }

  /**
   * Has the outbox look at these replies' lanes now (every lane without
   * them): here when this process sends, else by a nudge to the process
   * that does. A lost nudge waits for that process's periodic look.
   */
  wake(replies?: readonly LaneOf[]): void {
    if (this.sending) this.outbox.wake(replies);
    else if (replies && replies.length > 0) this.options.nudges?.nudge(replies);
  }

  /** Stops sending (call before the connectors stop, so a send they cut short stays queued); what is queued waits for the next start. */
  stop(): Promise<void> {
    this.sending = false;
    this.stopListening?.();
    this.stopListening = undefined;
    return this.outbox.stop();
  }

  async queue(props: Omit<QueueReplyProps, 'store' | 'brandAccounts'>): Promise<QueuedReply> {
    const queued = await queueReply({ ...props, store: this.options.store, brandAccounts: this.options.brandAccounts });
    this.wake([queued.reply]);
    return queued;
  }

  async retry(props: Omit<RetryReplyProps, 'store'>): Promise<QueuedReply> {
    const requeued = await retryReply({ ...props, store: this.options.store });
    this.wake([requeued.reply]);
    return requeued;
  }

  /**
   * After ingestion stored messages: the bot answers the cases they opened,
   * from the decisions that opened them. Returns what it changed, for the
   * one announcement after ingestion. Never throws (the messages are stored
   * whatever happens here).
   */
  async afterIngest(ingested: Pick<IngestResult, 'openings'>): Promise<BotPass> {
    if (ingested.openings.length === 0) return { caseIds: [], replies: [] };
    try {
      const pass = await answerNewCases({
        store: this.options.store,
        brandAccounts: this.options.brandAccounts,
        openings: ingested.openings,
        agentTeam: agentTeamOf(this.options.rules),
        canSend: (platform) => this.options.connectors().some((connector) => connector.platform === platform),
        windowMs: this.options.botWindowMs ?? BOT_ANSWER_WINDOW_MS,
        targets: this.options.targets,
      });
      if (pass.replies.length > 0) this.wake(pass.replies);
      return pass;
    } catch (error) {
      logger.error({ err: error }, 'bot answers failed; the cases wait in the inbox');
      return { caseIds: [], replies: [] };
    }
  }

  private announce(caseIds: string[], replies: readonly MessageDocument[]): void {
    this.options.announce(caseIds, new Set(replies.map(messageIdOf))).catch((error: unknown) => logger.warn({ err: error, caseIds }, 'announcing replies failed'));
  }
}
