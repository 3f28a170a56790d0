import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRuleSet, lintRuleSet, routeMessage, validateRuleSet, type Message } from '../../server/routing/index.js';

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
    ['Where is my parcel? Ordered on Monday', 'order-status-bot', 0],
    ['Where is my order?? Called three times already, still nothing', null, 1],
    ['Is your app down? It will not open', 'status-bot', 0],
    ['How do I turn off notifications in the app?', 'how-to-bot', 0],
    ['Till when is the winter sale offer on?', 'offers-bot', 0],
    ['Thanks so much, the team was brilliant', 'thanks-bot', 0],
    ['My account was hacked and the password changed', 'account-access', 2],
    ['Someone stole my account, how do I get it back', 'account-access', 2],
    ["I can't login on the website", 'account-access', 2],
    ['Account blocked after I tried to log in from my new phone', 'account-access', 2],
    ['You charged me twice, I want a refund', 'billing-private', 2],
    ['Still waiting to be refunded for the jacket', 'billing-private', 2],
    ['Money taken from my account and no order placed', 'billing-private', 2],
    ['You fucking idiots charged me twice', 'billing-private', 2],
    ['Quiero un reembolso de mi pedido', 'billing-private', 2],
    ['#AccountHacked please help', 'account-access', 2],
    ['#DoubleCharged again!!', 'billing-private', 2],
    ['I was overcharged on my last bill', 'billing-private', 2],
    ['On m\'a prélevé deux fois', 'billing-private', 2],
    ['Mir wurde der Betrag doppelt abgebucht', 'billing-private', 2],
    ['Fui cobrado duas vezes', 'billing-private', 2],
    ['Voglio un rimborso', 'billing-private', 2],
    ['返金してください', 'billing-private', 2],
    ['パスワードを忘れました', 'account-access', 2],
    ['我要退款', 'billing-private', 2],
    ['My card 4111 1111 1111 1111 was charged', 'personal-data', 2],
    ['Mail me at jane@example.com', 'personal-data', 2],
    ['I had an allergic reaction to your snack', 'health-private', 2],
    ['Your app is down again, nothing loads', 'outage', 1],
    ['Worst experience ever, truly unacceptable', 'complaint', 1],
    ['follow back for free followers', 'spam-abuse', 1],
    ['Just a question about colours', null, 1],
  ])('routes "%s" by %s to tier %i', (text, ruleId, tier) => {
    expect(route(text)).toMatchObject({ ruleId, tier });
  });

  it.each([
    ['an order number', 'order 112-4567890-1234567 has not shipped'],
    ['a tracking number', 'tracking 1Z9999W99999999999 shows nothing'],
    ['a 13-digit docket', 'docket 9876543210987 still open'],
    ['a date and a time', 'ordered on 2026-11-20 at 14:03'],
    ['an amount', 'it cost $1299.99 last week'],
    ['paid delivery (payment words as context)', 'paid for next day delivery and the parcel is not here'],
    ['a device password', 'what is the default wifi password of the router'],
    ['a device password the customer changed', 'I changed my password on the router and now the speaker is offline'],
    ['log in as navigation', 'I logged in and the parcel still says in transit'],
  ])('raises no personal-data alarm and no private case for %s', (_label, text) => {
    const decision = route(text);
    expect(decision.ruleId).not.toBe('personal-data');
    expect(decision.tier).not.toBe(2);
  });

  it('does not read the corpus mask __credit_card__ as personal data', () => {
    expect(route('order #4__credit_card__ was cancelled').ruleId).not.toBe('personal-data');
  });

  it('suppresses reposts and our own echoes (without personal data), and says so', () => {
    expect(route('Big sale today!', { kind: 'repost' })).toMatchObject({ ruleId: 'reposts', suppress: true });
    expect(route('We are here to help', { author: { id: '1', handle: 'AcmeHelp' } })).toMatchObject({ ruleId: 'own-echo', suppress: true });
    expect(route('call me on +44 20 7946 0958', { kind: 'repost' })).toMatchObject({ ruleId: 'personal-data' });
    expect(route('Where is my order?')).not.toHaveProperty('suppress');
  });

  it('sends a compromised-account reset question privately, not to the bot', () => {
    expect(route('Account hacked, how do I reset my password?')).toMatchObject({ ruleId: 'account-access', tier: 2 });
  });

  it('lints clean, privacy lint included', () => {
    expect(lintRuleSet(ruleSet)).toEqual([]);
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
