import type { Schema } from 'mongoose';
import { appendOnly, type AppendOnlyCollection } from './appendOnly.js';
import { auditLog, type AuditLogCollection } from './auditLog.js';
import { CaseCollection } from './caseCollection.js';
import { Collection } from './collection.js';
import { collectionContext } from './context.js';
import type { StoreBackend } from './port.js';
import { auditEntrySchema, type AuditEntryDocument, type NewAuditEntryDocument } from './schemas/auditEntry.js';
import { caseSchema } from './schemas/case.js';
import { caseEventSchema, type CaseEventDocument, type NewCaseEventDocument } from './schemas/caseEvent.js';
import { checkpointSchema, type CheckpointDocument, type NewCheckpointDocument } from './schemas/checkpoint.js';
import { leaseSchema, type LeaseDocument, type NewLeaseDocument } from './schemas/lease.js';
import { messageSchema, type MessageDocument, type NewMessageDocument } from './schemas/message.js';
import {
  ruleDraftSchema,
  ruleSetVersionSchema,
  type NewRuleDraftDocument,
  type NewRuleSetVersionDocument,
  type RuleDraftDocument,
  type RuleSetVersionDocument,
} from './schemas/ruleSet.js';
import { customerBlockSchema, type CustomerBlockDocument, type NewCustomerBlockDocument } from './schemas/customerBlock.js';
import { savedReplySchema, type NewSavedReplyDocument, type SavedReplyDocument } from './schemas/savedReply.js';
import { sessionSchema, type NewSessionDocument, type SessionDocument } from './schemas/session.js';
import { teamSchema, type NewTeamDocument, type TeamDocument } from './schemas/team.js';
import { userSchema, type NewUserDocument, type UserDocument } from './schemas/user.js';
import { webhookSchema, type NewWebhookDocument, type WebhookDocument } from './schemas/webhook.js';
import { webhookCursorSchema, type NewWebhookCursorDocument, type WebhookCursorDocument } from './schemas/webhookCursor.js';
import { webhookDeliverySchema, type NewWebhookDeliveryDocument, type WebhookDeliveryDocument } from './schemas/webhookDelivery.js';

/** Every collection of the store, by the name its data is kept under. */
export const COLLECTION_SCHEMAS = {
  messages: messageSchema,
  cases: caseSchema,
  caseEvents: caseEventSchema,
  ruleSetVersions: ruleSetVersionSchema,
  ruleDrafts: ruleDraftSchema,
  users: userSchema,
  teams: teamSchema,
  checkpoints: checkpointSchema,
  sessions: sessionSchema,
  webhooks: webhookSchema,
  webhookDeliveries: webhookDeliverySchema,
  webhookCursors: webhookCursorSchema,
  auditEntries: auditEntrySchema,
  savedReplies: savedReplySchema,
  customerBlocks: customerBlockSchema,
  leases: leaseSchema,
} satisfies Record<string, Schema>;

/** The store's typed collections. */
export interface StoreCollections {
  messages: Collection<MessageDocument, NewMessageDocument>;
  /** Every operation takes a TeamScope. */
  cases: CaseCollection;
  /** Append-only: the audit trail is never rewritten. */
  caseEvents: AppendOnlyCollection<CaseEventDocument, NewCaseEventDocument>;
  /** Append-only: published versions are immutable. */
  ruleSetVersions: AppendOnlyCollection<RuleSetVersionDocument, NewRuleSetVersionDocument>;
  ruleDrafts: Collection<RuleDraftDocument, NewRuleDraftDocument>;
  users: Collection<UserDocument, NewUserDocument>;
  teams: Collection<TeamDocument, NewTeamDocument>;
  checkpoints: Collection<CheckpointDocument, NewCheckpointDocument>;
  /** Logged-in browsers, by the hash of their session id. */
  sessions: Collection<SessionDocument, NewSessionDocument>;
  webhooks: Collection<WebhookDocument, NewWebhookDocument>;
  /** The webhook outbox (one delivery per webhook and event). */
  webhookDeliveries: Collection<WebhookDeliveryDocument, NewWebhookDeliveryDocument>;
  webhookCursors: Collection<WebhookCursorDocument, NewWebhookCursorDocument>;
  /** Append-only: who changed what (GET /api/audit); a pending entry is settled once. */
  auditEntries: AuditLogCollection;
  /** Canned answers for the reply box. */
  savedReplies: Collection<SavedReplyDocument, NewSavedReplyDocument>;
  /** Blocked people, by "platform:authorId". */
  customerBlocks: Collection<CustomerBlockDocument, NewCustomerBlockDocument>;
  /** Who works each connector stream and timer, with fencing tokens (server/leases/). */
  leases: Collection<LeaseDocument, NewLeaseDocument>;
}

/** Opens every collection on a backend (creating the schemas' indexes). */
export async function openCollections(backend: StoreBackend): Promise<StoreCollections> {
  const open = async <T extends { _id: string }, N extends object>(name: keyof typeof COLLECTION_SCHEMAS) => {
    const schema: Schema = COLLECTION_SCHEMAS[name];
    return new Collection<T, N>(collectionContext(name, schema, await backend.collection(name, schema)));
  };
  return {
    messages: await open('messages'),
    cases: new CaseCollection(await open('cases')),
    caseEvents: appendOnly(await open<CaseEventDocument, NewCaseEventDocument>('caseEvents')),
    ruleSetVersions: appendOnly(await open<RuleSetVersionDocument, NewRuleSetVersionDocument>('ruleSetVersions')),
    ruleDrafts: await open('ruleDrafts'),
    users: await open('users'),
    teams: await open('teams'),
    checkpoints: await open('checkpoints'),
    sessions: await open('sessions'),
    webhooks: await open('webhooks'),
    webhookDeliveries: await open('webhookDeliveries'),
    webhookCursors: await open('webhookCursors'),
    auditEntries: auditLog(await open<AuditEntryDocument, NewAuditEntryDocument>('auditEntries')),
    savedReplies: await open('savedReplies'),
    customerBlocks: await open('customerBlocks'),
    leases: await open('leases'),
  };
}
