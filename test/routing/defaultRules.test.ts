import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, routeMessage, validateRuleSet, type Message } from '../../server/routing/index.js';

const ruleSet = JSON.parse(readFileSync(new URL('../../rules/default.rules.json', import.meta.url), 'utf8'));

function post(text: string, extra: Partial<Message> = {}): Message {
  return { id: 'x:1', platform: 'x', channel: 'public', text, createdAt: '2026-11-18T14:00:00Z', author: { id: '7', handle: 'sam', name: 'Sam', followers: 120 }, ...extra };
}

describe('the starter rule set', () => {
  const validation = validateRuleSet(ruleSet);
  const compiled = compileRuleSet(ruleSet);
  const route = (text: string, extra?: Partial<Message>) => routeMessage(compiled, post(text, extra));

  it('is valid, has at least 12 rules and uses the four demo teams', () => {
    expect(validation.ok).toBe(true);
    expect(ruleSet.rules.length).toBeGreaterThanOrEqual(12);
    const teams = new Set([...ruleSet.rules.map((r: { then: { team: string } }) => r.then.team), ruleSet.fallback.team]);
    expect([...teams].sort()).toEqual(['bot', 'care', 'helpdesk', 'social']);
  });

  it.each([
    ['What are your opening hours on Saturday?', 'opening-hours-bot', 0],
    ['How long does delivery take to Leeds?', 'delivery-times-bot', 0],
    ['I forgot my password, how do I reset it?', 'password-reset-bot', 0],
    ['My account was hacked and the password changed', 'account-access', 2],
    ['You charged me twice, I want a refund', 'billing-private', 2],
    ['My card 4111 1111 1111 1111 was charged', 'personal-data', 2],
    ['Mail me at jane@example.com', 'personal-data', 2],
    ['I had an allergic reaction to your snack', 'health-private', 2],
    ['Your app is down again, nothing loads', 'outage', 1],
    ['Worst experience ever, truly unacceptable', 'complaint', 1],
    ['Thanks for the quick help!', 'praise', 1],
    ['follow back for free followers', 'spam-abuse', 1],
    ['Just a question about colours', null, 1],
  ])('routes "%s" by %s to tier %i', (text, ruleId, tier) => {
    expect(route(text)).toMatchObject({ ruleId, tier });
  });

  it('sends a compromised-account reset question privately, not to the bot', () => {
    expect(route('Account hacked, how do I reset my password?')).toMatchObject({ ruleId: 'account-access', tier: 2 });
  });

  it('answers direct messages after hours (London time, across the clock change) but not during the day', () => {
    const dm = (createdAt: string) => route('hello?', { channel: 'dm', createdAt });
    expect(dm('2026-11-18T21:30:00Z')).toMatchObject({ ruleId: 'after-hours-dm', tier: 0 });
    expect(dm('2026-11-18T10:00:00Z')).toMatchObject({ ruleId: null });
    // 07:30 UTC is 08:30 in London in summer (BST) but 07:30 in winter.
    expect(dm('2026-07-01T07:30:00Z')).toMatchObject({ ruleId: null });
    expect(dm('2026-01-07T07:30:00Z')).toMatchObject({ ruleId: 'after-hours-dm' });
  });

  it('sends VIPs and high-reach authors to the social team', () => {
    expect(route('question about sizes', { customer: { vip: true } })).toMatchObject({ ruleId: 'vip-customer', team: 'social' });
    expect(route('question about sizes', { author: { id: '9', followers: 50_000 } })).toMatchObject({ ruleId: 'high-reach-author' });
    expect(route('question about sizes', { author: { id: '9', verified: true } })).toMatchObject({ ruleId: 'high-reach-author' });
  });
});
