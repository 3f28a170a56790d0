import type { Condition, DecisionSpec, Rule, RuleSet } from '../../server/routing/types.js';
import { followersAtLeast, followersThresholdFor, population } from './population.js';
import type { SeededRandom as Prng } from '../../server/simulator/x/prng.js';
import { regexSource, type RegexTemplate, type Trigger } from './triggers.js';
import { buildVocabulary, type Vocabulary } from './vocabulary.js';

/** The benchmark's rule set and, per rule, how the corpus makes it match. */
export interface BenchRules {
  ruleSet: RuleSet;
  vocabulary: Vocabulary;
  /** triggers[i] belongs to ruleSet.rules[i]. */
  triggers: Trigger[];
}

export interface RuleSetShape {
  rules: number;
  /** Share of messages no rule should match. */
  fallbackShare: number;
}

/** Kinds by position, repeated: 6 keyword lists, 2 regexes, 1 follower threshold, 1 compound per 10 rules. */
const LAYOUT = 'KKRKKTKRKC';
const REGEX_PREFIXES = ['order', 'ticket', 'case', 'booking', 'tracking', 'claim', 'ref', 'receipt', 'parcel', 'shipment'];
const REGEX_TEMPLATES: RegexTemplate[] = ['spaced', 'labelled', 'separated'];

const KEYWORD_DECISIONS: DecisionSpec[] = [
  { tier: 2, team: 'helpdesk', priority: 'high', tags: ['billing'] },
  { tier: 1, team: 'care' },
  { tier: 0, team: 'bot', tags: ['faq'], reply: { text: 'Hi @{{author.handle}}, our help centre has the answer: https://acme.example/help' } },
  { tier: 1, team: 'tech', priority: 'normal', tags: ['product'] },
  { tier: 1, team: 'social', priority: 'low', tags: ['praise', 'marketing'] },
  { tier: 2, team: 'trust-safety', priority: 'urgent', tags: ['safety'] },
];
const REGEX_DECISION: DecisionSpec = {
  tier: 2,
  team: 'helpdesk',
  priority: 'high',
  tags: ['order-reference'],
  reply: { text: 'Thanks {{author.name}}! Please send us a DM with your reference so we can check it privately.' },
};
const FOLLOWERS_DECISION: DecisionSpec = { tier: 1, team: 'vip-care', priority: 'urgent', tags: ['influencer'] };
const COMPOUND_DECISION: DecisionSpec = { tier: 2, team: 'escalations', priority: 'urgent', tags: ['escalation'] };

/**
 * Builds the ordered rule set. Rule k (1-based) is aimed to match a message
 * that reached it with probability c / (1 - c (k - 1)), c = (1 - fallback) / n:
 * then the deciding position is uniform over 1..n (mean about n / 2) and the
 * fallback takes the rest.
 */
export function buildRules(prng: Prng, shape: RuleSetShape): BenchRules {
  const vocabulary = buildVocabulary(prng);
  const keywords = new KeywordDealer(prng, vocabulary);
  const regexPairs = shuffle(prng, REGEX_PREFIXES.flatMap((prefix) => [5, 6, 7, 8].map((digits) => ({ prefix, digits }))));
  const step = (1 - shape.fallbackShare) / shape.rules;
  const rules: Rule[] = [];
  const triggers: Trigger[] = [];
  let thresholdSurvival = 1;
  for (let k = 1; k <= shape.rules; k++) {
    const rate = step / (1 - step * (k - 1));
    const kind = LAYOUT[(k - 1) % LAYOUT.length];
    const id = (name: string): string => `${name}-${String(k).padStart(3, '0')}`;
    if (kind === 'K') {
      const words = keywords.deal(prng.int(5, 20));
      rules.push({ id: id('keywords'), name: `Keywords ${words[0]}…`, when: textContainsAny(words), then: KEYWORD_DECISIONS[k % KEYWORD_DECISIONS.length]! });
      triggers.push({ kind: 'keywords', keywords: words, rate });
    } else if (kind === 'R') {
      const pair = regexPairs.pop();
      if (!pair) throw new Error('more regex rules than prefix/length pairs');
      const template = REGEX_TEMPLATES[rules.length % REGEX_TEMPLATES.length]!;
      const anyCase = k % 4 === 3;
      const when: Condition = { field: 'text', op: 'matches', value: regexSource(template, pair.prefix, pair.digits), ...(anyCase ? { flags: 'i' } : {}) };
      rules.push({ id: id('reference'), name: `${pair.prefix} numbers of ${pair.digits} digits`, when, then: REGEX_DECISION });
      triggers.push({ kind: 'regex', ...pair, template, anyCase, rate });
    } else if (kind === 'T') {
      // Descending thresholds, each catching the band below the previous one.
      thresholdSurvival *= 1 - rate;
      const threshold = followersThresholdFor(1 - thresholdSurvival);
      rules.push({ id: id('followers'), name: `Authors with ${threshold}+ followers`, when: { field: 'author.followers', op: 'gte', value: threshold }, then: FOLLOWERS_DECISION });
      triggers.push({ kind: 'none' });
    } else {
      const words = keywords.deal(prng.int(5, 20));
      const { when, share } = compound(rules.length, words);
      rules.push({ id: id('combo'), name: `Escalation ${words[0]}…`, when, then: COMPOUND_DECISION });
      triggers.push({ kind: 'keywords', keywords: words, rate: Math.min(1, rate / share) });
    }
  }
  const fallback: DecisionSpec = { tier: 1, team: 'care', priority: 'low' };
  return { ruleSet: { name: 'Routing benchmark (seeded)', rules, fallback }, vocabulary, triggers };
}

/** A compound condition around a keyword list, and the share of messages meeting its other parts. */
function compound(index: number, words: string[]): { when: Condition; share: number } {
  const keywords = textContainsAny(words);
  const dm: Condition = { field: 'channel', op: 'eq', value: 'dm' };
  const verified: Condition = { field: 'author.verified', op: 'eq', value: true };
  const { dmShare, verifiedShare } = population;
  switch (index % 4) {
    case 0:
      return { when: { all: [keywords, dm] }, share: dmShare };
    case 1:
      return { when: { any: [keywords, { all: [verified, { field: 'author.followers', op: 'gte', value: 50_000 }, dm] }] }, share: 1 };
    case 2: {
      const engaged = 1 - (1 - verifiedShare) * (1 - followersAtLeast(100));
      const when: Condition = { all: [keywords, { not: { field: 'channel', op: 'eq', value: 'public' } }, { any: [verified, { field: 'author.followers', op: 'gte', value: 100 }] }] };
      return { when, share: dmShare * engaged };
    }
    default:
      return { when: { all: [{ any: [dm, verified] }, keywords] }, share: 1 - (1 - dmShare) * (1 - verifiedShare) };
  }
}

function textContainsAny(words: string[]): Condition {
  return { field: 'text', op: 'containsAny', value: words };
}

/** Hands out keywords so that no two rules share one; each list gets a few real care words first. */
class KeywordDealer {
  private readonly care: string[];
  private readonly invented: string[];

  constructor(
    private readonly prng: Prng,
    vocabulary: Vocabulary,
  ) {
    this.care = shuffle(prng, [...vocabulary.careKeywords]);
    this.invented = [...vocabulary.inventedKeywords].reverse();
  }

  /** `count` fresh keywords, in random order. */
  deal(count: number): string[] {
    const words: string[] = [];
    const careCount = Math.min(this.care.length, this.prng.int(1, 3));
    for (let i = 0; i < careCount; i++) words.push(this.care.pop()!);
    while (words.length < count) {
      const word = this.invented.pop();
      if (!word) throw new Error('vocabulary has too few keywords');
      words.push(word);
    }
    return shuffle(this.prng, words);
  }
}

function shuffle<T>(prng: Prng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
