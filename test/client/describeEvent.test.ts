import { describe, expect, it } from 'vitest';
import { actorOf, describeEvent } from '../../client/src/inbox/case/describeEvent.js';

const at = '2026-01-01T00:00:00Z';

describe('case history lines', () => {
  it('says what each kind of event did', () => {
    expect(describeEvent({ type: 'created', at, data: { tier: 2, team: 'helpdesk', ruleId: 'billing-private', ruleSetVersion: 3 } })).toBe('Case opened: rule billing-private (rules v3) sent it to Tier 2 helpdesk');
    expect(describeEvent({ type: 'created', at, data: { tier: 1, team: 'care', ruleId: null, ruleSetVersion: 1 } })).toBe('Case opened: the fallback (rules v1) sent it to Tier 1 care');
    expect(describeEvent({ type: 'updated', at, data: { status: { from: 'new', to: 'open' }, tags: { from: [], to: ['a', 'b'] } } })).toBe('Changed status new → open; tags none → a, b');
    expect(describeEvent({ type: 'updated', at, data: { status: { from: 'resolved', to: 'open' }, reason: 'the customer wrote again' } })).toBe('Changed status resolved → open: the customer wrote again');
    expect(describeEvent({ type: 'reply', at, data: { channel: 'dm', status: 'failed', error: 'recipient blocks DMs' } })).toBe('DM failed: recipient blocks DMs');
    expect(describeEvent({ type: 'escalated', at, data: { from: { tier: 1, team: 'care' }, to: { tier: 2, team: 'helpdesk' }, reason: 'payment' } })).toBe('Escalated from Tier 1 care to Tier 2 helpdesk: payment');
    expect(describeEvent({ type: 'sla_breach', at, data: { priority: { from: 'high', to: 'urgent' } } })).toBe('Response-time target missed; priority high → urgent');
    expect(describeEvent({ type: 'note', at, data: { text: 'called them <b>too</b>', author: 'hugo' } })).toBe('Internal note by hugo: called them <b>too</b>');
    expect(describeEvent({ type: 'something_new', at })).toBe('something_new');
  });

  it('names the actor from the reader\'s point of view', () => {
    expect(actorOf({ type: 'updated', at, actor: { kind: 'user', id: 'u1' } }, 'u1')).toBe('you');
    expect(actorOf({ type: 'updated', at, actor: { kind: 'user', id: 'u2' } }, 'u1')).toBe('a colleague');
    expect(actorOf({ type: 'reply', at, actor: { kind: 'connector', id: 'x' } }, 'u1')).toBe('the x connector');
    expect(actorOf({ type: 'created', at, actor: { kind: 'system', id: 'ingest' } }, 'u1')).toBeNull();
  });
});
