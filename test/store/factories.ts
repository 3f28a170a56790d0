/** Builders of fresh documents for the store tests (not a test file itself). */
import { randomBytes } from 'node:crypto';
import type { NewCaseDocument, NewCaseEventDocument, NewMessageDocument, NewTeamDocument, NewUserDocument } from '../../server/store/index.js';

const unique = () => randomBytes(6).toString('hex');

/** A valid new message (platform x, a fresh external id), with overrides. */
export function newMessage(overrides: Partial<NewMessageDocument> = {}): NewMessageDocument {
  return { platform: 'x', externalId: unique(), channel: 'public', text: 'hello', createdAt: new Date('2026-11-20T14:03:00Z'), author: { id: '42', handle: 'jane' }, ...overrides };
}

/** A valid new case of team `care`, with overrides. */
export function newCase(overrides: Partial<NewCaseDocument> = {}): NewCaseDocument {
  return {
    tier: 1,
    team: 'care',
    channel: 'public',
    platform: 'x',
    threadId: unique(),
    customer: { id: '42', handle: 'jane' },
    routing: { ruleId: 'complaints', ruleSetVersion: 1 },
    ...overrides,
  };
}

/** A valid new agent, with overrides. */
export function newUser(overrides: Partial<NewUserDocument> = {}): NewUserDocument {
  return { username: `agent-${unique()}`, passwordHash: 'scrypt$x', role: 'agent', teams: ['care'], ...overrides };
}

/** A valid new team, with overrides. */
export function newTeam(overrides: Partial<NewTeamDocument> = {}): NewTeamDocument {
  return { name: `team-${unique()}`, tier: 1, ...overrides };
}

/** A valid new case event, with overrides. */
export function newCaseEvent(overrides: Partial<NewCaseEventDocument> = {}): NewCaseEventDocument {
  return { caseId: unique(), seq: 1, type: 'created', actor: { kind: 'system' }, ...overrides };
}

/** Unwraps an insert result that must have been stored. */
export function inserted<T>(result: { status: 'inserted'; document: T } | { status: 'duplicate' }): T {
  if (result.status !== 'inserted') throw new Error(`expected an insert, got ${JSON.stringify(result)}`);
  return result.document;
}
