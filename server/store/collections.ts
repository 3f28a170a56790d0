import type { Schema } from 'mongoose';
import { appendOnly, type AppendOnlyCollection } from './appendOnly.js';
import { CaseCollection } from './caseCollection.js';
import { Collection } from './collection.js';
import { collectionContext } from './context.js';
import type { StoreBackend } from './port.js';
import { caseSchema } from './schemas/case.js';
import { caseEventSchema, type CaseEventDocument, type NewCaseEventDocument } from './schemas/caseEvent.js';
import { checkpointSchema, type CheckpointDocument, type NewCheckpointDocument } from './schemas/checkpoint.js';
import { messageSchema, type MessageDocument, type NewMessageDocument } from './schemas/message.js';
import {
  ruleDraftSchema,
  ruleSetVersionSchema,
  type NewRuleDraftDocument,
  type NewRuleSetVersionDocument,
  type RuleDraftDocument,
  type RuleSetVersionDocument,
} from './schemas/ruleSet.js';
import { sessionSchema, type NewSessionDocument, type SessionDocument } from './schemas/session.js';
import { teamSchema, type NewTeamDocument, type TeamDocument } from './schemas/team.js';
import { userSchema, type NewUserDocument, type UserDocument } from './schemas/user.js';

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
  };
}
