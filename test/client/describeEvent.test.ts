import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../client/src/api/types.js';
import { actorOf, describeEvent } from '../../client/src/inbox/case/describeEvent.js';

const at = '2026-01-01T00:00:00Z';
const event = (type: string, data: Record<string, unknown> = {}, actor: CaseEvent['actor'] = { kind: 'system', id: null }): CaseEvent => ({ id: 'e1', caseId: 'c1', seq: 1, type, at, actor, data });

describe('case history lines', () => {
  it('says what each kind of event did', () => {
    expect(describeEvent(event('created', { tier: 2, team: 'helpdesk', ruleId: 'billing-private', ruleSetVersion: 3 }))).toBe('Case opened: rule billing-private (rules v3) sent it to Tier 2 helpdesk');
    expect(describeEvent(event('created', { tier: 1, team: 'care', ruleId: null, ruleSetVersion: 1 }))).toBe('Case opened: the fallback (rules v1) sent it to Tier 1 care');
    expect(describeEvent(event('updated', { status: { from: 'new', to: 'open' }, tags: { from: [], to: ['a', 'b'] } }))).toBe('Changed status new → open; tags none → a, b');
    expect(describeEvent(event('updated', { status: { from: 'resolved', to: 'open' }, reason: 'the customer wrote again' }))).toBe('Changed status resolved → open: the customer wrote again');
    expect(describeEvent(event('reply', { channel: 'dm', status: 'failed', error: 'recipient blocks DMs' }))).toBe('DM failed: recipient blocks DMs');
    expect(describeEvent(event('escalated', { from: { tier: 1, team: 'care' }, to: { tier: 2, team: 'helpdesk' }, reason: 'payment' }))).toBe('Escalated from Tier 1 care to Tier 2 helpdesk: payment');
    expect(describeEvent(event('sla_breach', { priority: { from: 'high', to: 'urgent' } }))).toBe('Response-time target missed; priority high → urgent');
    expect(describeEvent(event('note', { text: 'called them <b>too</b>', author: 'hugo' }))).toBe('Internal note by hugo: called them <b>too</b>');
    expect(describeEvent(event('something_new'))).toBe('something_new');
  });

  it('names the actor from the reader\'s point of view', () => {
    expect(actorOf(event('updated', {}, { kind: 'user', id: 'u1' }), 'u1')).toBe('you');
    expect(actorOf(event('updated', {}, { kind: 'user', id: 'u2' }), 'u1')).toBe('a colleague');
    expect(actorOf(event('updated', {}, { kind: 'user', id: 'u2', name: 'hugo' }), 'u1')).toBe('hugo');
    expect(actorOf(event('reply', {}, { kind: 'connector', id: 'x' }), 'u1')).toBe('the x connector');
    expect(actorOf(event('created', {}, { kind: 'system', id: 'ingest' }), 'u1')).toBeNull();
  });
});
