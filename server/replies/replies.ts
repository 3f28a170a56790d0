import type { ResponseTargets } from '../cases/responseTargets.js';
import { agentTeamOf } from '../commands/handOffBotCase.js';
import { queueReply, type QueuedReply, type QueueReplyProps } from '../commands/queueReply.js';
import type { Connector } from '../connectors/connector.js';
import { logger } from '../logger.js';
import type { Message } from '../routing/index.js';
import type { ActiveRuleSet } from '../ruleSets/activeRuleSet.js';
import { messageIdOf, type MessageDocument, type Store } from '../store/index.js';
import { answerNewCases, BOT_ANSWER_WINDOW_MS } from './botAnswers.js';
import { ReplyOutbox, type ReplyRetryPolicy } from './outbox.js';

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
}

/** What the replies route needs: queue an agent's reply (the outbox sends it). */
export interface ReplyQueue {
  queue(props: Omit<QueueReplyProps, 'store' | 'brandAccounts'>): Promise<QueuedReply>;
}

/** Replies, the bot's answers and their outbox, composed once by the server. */
export class Replies implements ReplyQueue {
  private readonly outbox: ReplyOutbox;

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

  /** Starts sending, beginning with what was queued before a restart. */
  start(): void {
    this.outbox.wake();
  }

  /** Stops sending (call before the connectors stop, so a send they cut short stays queued); what is queued waits for the next start. */
  stop(): Promise<void> {
    return this.outbox.stop();
  }

  async queue(props: Omit<QueueReplyProps, 'store' | 'brandAccounts'>): Promise<QueuedReply> {
    const queued = await queueReply({ ...props, store: this.options.store, brandAccounts: this.options.brandAccounts });
    this.outbox.wake();
    return queued;
  }

  /** After ingestion stored messages: the bot answers the cases they opened. Never throws (the messages are stored whatever happens here). */
  async afterIngest(messages: readonly Message[], acceptedIds: readonly string[]): Promise<void> {
    if (acceptedIds.length === 0) return;
    const accepted = new Set(acceptedIds);
    try {
      const pass = await answerNewCases({
        store: this.options.store,
        rules: this.options.rules,
        brandAccounts: this.options.brandAccounts,
        stored: messages.filter((message) => accepted.has(message.id)),
        agentTeam: agentTeamOf(this.options.rules),
        canSend: (platform) => this.options.connectors().some((connector) => connector.platform === platform),
        windowMs: this.options.botWindowMs ?? BOT_ANSWER_WINDOW_MS,
        targets: this.options.targets,
      });
      if (pass.replies.length > 0) this.outbox.wake();
      if (pass.caseIds.length > 0) this.announce(pass.caseIds, pass.replies);
    } catch (error) {
      logger.error({ err: error }, 'bot answers failed; the cases wait in the inbox');
    }
  }

  private announce(caseIds: string[], replies: readonly MessageDocument[]): void {
    this.options.announce(caseIds, new Set(replies.map(messageIdOf))).catch((error: unknown) => logger.warn({ err: error, caseIds }, 'announcing replies failed'));
  }
}
