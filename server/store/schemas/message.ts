import { Schema } from 'mongoose';
import { documentOptions, idPath, subdocument, withRevision, type NewDocument, type StoredDocument } from './define.js';
import { CHANNELS, PRIORITIES, TIERS } from './enums.js';

const author = subdocument({
  id: { type: String, required: true, minlength: 1 },
  handle: String,
  name: String,
  followers: { type: Number, min: 0 },
  verified: Boolean,
});

const customer = subdocument({
  vip: Boolean,
  tags: [String],
});

const attachment = subdocument({
  type: { type: String },
});

/** What routing decided for the message when it was ingested (kept for backtests and the audit trail). */
const decision = subdocument({
  ruleId: { type: String, default: null },
  ruleSetVersion: { type: Number, required: true, min: 0 },
  tier: { type: Number, enum: TIERS, required: true },
  team: { type: String, required: true, minlength: 1 },
  priority: { type: String, enum: PRIORITIES, required: true },
  tags: [String],
});

/** Delivery states of a message we send: waiting in the outbox, on the network, or given up on. */
export const DELIVERY_STATUSES = ['queued', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Who sent one of our messages: an agent or admin (user id), or the system (`bot` answers, `move-to-dm` notes). */
const sender = subdocument({
  kind: { type: String, enum: ['user', 'system'] as const, required: true },
  id: { type: String, required: true, minlength: 1 },
});

/**
 * How a message we send (a reply or DM, server/replies) is getting on: null
 * on customers' messages and on our own posts ingested from the network.
 */
const delivery = subdocument({
  status: { type: String, enum: DELIVERY_STATUSES, required: true },
  sender: { type: sender, required: true },
  /** The customer it answers (the case's): a DM goes to them; the bot's once-per-author check looks them up. */
  customerId: { type: String, required: true, minlength: 1 },
  attempts: { type: Number, required: true, default: 0, min: 0 },
  /** When the outbox tries (again); null once sent or failed. */
  nextAttemptAt: { type: Date, default: null },
  sentAt: { type: Date, default: null },
  /** Why it failed for good, or why the last attempt failed while it is retried. */
  error: { type: String, default: null },
  /**
   * When an attempt started whose outcome is not known yet: set before the
   * send, cleared when the network's answer is recorded. A queued reply that
   * has it (the answer was lost, or the process died mid-send) is looked up
   * on the network before it is sent again.
   */
  attemptStartedAt: { type: Date, default: null },
});

/**
 * A customer's message as a connector pulled it (routing.md §1), stored once
 * per network id. The contract's `id` ("x:123") is split into `platform` and
 * `externalId` (see messageDocuments.ts); properties the contract does not
 * name are kept, as JSON text, in `extra` (their keys may hold '.' or '$',
 * which field names cannot).
 */
export const messageSchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      platform: { type: String, required: true, minlength: 1 },
      externalId: { type: String, required: true, minlength: 1 },
      channel: { type: String, enum: CHANNELS, required: true },
      text: { type: String, default: '' },
      lang: String,
      createdAt: { type: Date, required: true },
      receivedAt: { type: Date, required: true, default: () => new Date() },
      author: { type: author, required: true },
      customer: { type: customer },
      attachments: [attachment],
      threadId: String,
      inReplyTo: String,
      caseId: { type: String, default: null },
      decision: { type: decision, default: null },
      /** Set on replies we send (author = our account): until sent, `externalId` is a placeholder, then the network's id. */
      delivery: { type: delivery, default: null },
      extra: { type: String, default: null },
    },
    documentOptions,
  ),
);

// Ingestion is idempotent on this index: a second copy of a network message fails as a duplicate; also finds a message by its contract id.
messageSchema.index({ platform: 1, externalId: 1 }, { unique: true });
// GET /api/cases/:id: the messages of a case, oldest first.
messageSchema.index({ caseId: 1, createdAt: 1 });
// POST /api/rules/backtest: the last N stored messages, newest first.
messageSchema.index({ receivedAt: -1 });
// Threads: the other messages of a conversation (monitor view, joining a message to its thread's case).
messageSchema.index({ platform: 1, threadId: 1, createdAt: 1 });
// Reply outbox: queued replies of agents, then of the bot, the one due first first (also what it resumes after a restart).
messageSchema.index({ 'delivery.status': 1, 'delivery.sender.kind': 1, 'delivery.nextAttemptAt': 1 });
// Bot: whether it already answered this customer within the last 24 h.
messageSchema.index({ platform: 1, 'delivery.customerId': 1, createdAt: -1 });

/** A stored message. */
export type MessageDocument = StoredDocument<typeof messageSchema>;
/** A message to insert (defaults filled in by the schema). */
export type NewMessageDocument = NewDocument<typeof messageSchema>;
