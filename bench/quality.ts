/** `npm run bench -- quality [RULES_FILE]`: which tier each labelled real customer post reaches under a rule set. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { compileRuleSet, routeMessage, type Message, type Tier } from '../server/routing/index.js';
import { loadRuleFile } from '../server/cli/ruleFile.js';

const DATA = new URL('../../shared/data/care-tweets-intents.csv', import.meta.url);
// Our own labels: for each post of the sample that a self-service answer fully serves, which bot rule's answer that is.
const SELF_SERVICE_LABELS = new URL('./quality/self-service-labels.csv', import.meta.url);
const PRIVATE_INTENTS = new Set(['refund_or_compensation', 'payment_or_billing', 'account_or_access']);

interface LabelledPost {
  id: string;
  customer_text: string;
  gold_intent: string;
}

/** Posts as public mentions during care hours, so that only their words decide. */
function toMessage(post: LabelledPost): Message {
  return {
    id: `x:intents-${post.id}`,
    platform: 'x',
    channel: 'public',
    text: `@AcmeHelp ${post.customer_text}`,
    createdAt: '2026-11-18T14:00:00Z',
    author: { id: `customer-${post.id}`, handle: `customer${post.id}`, followers: 150 },
  };
}

export async function main(args: string[]): Promise<void> {
  const rulesFile = args[0] ?? 'rules/default.rules.json';
  const loaded = loadRuleFile(rulesFile);
  if (!loaded.ok) throw new Error(`${rulesFile} is invalid:\n${loaded.problems.join('\n')}`);
  const compiled = compileRuleSet(loaded.ruleSet);
  const posts = parse(readFileSync(DATA), { columns: true, skip_empty_lines: true }) as LabelledPost[];
  const fittingAnswer = new Map(
    (parse(readFileSync(SELF_SERVICE_LABELS), { columns: true, skip_empty_lines: true }) as Array<{ id: string; answer: string }>).map((row) => [row.id, row.answer]),
  );
  const perIntent = new Map<string, [number, number, number]>();
  let botAnswers = 0, rightBotAnswers = 0;
  for (const post of posts) {
    const decision = routeMessage(compiled, toMessage(post));
    const tier: Tier = decision.tier;
    if (tier === 0) {
      botAnswers++;
      if (fittingAnswer.get(post.id) === decision.ruleId) rightBotAnswers++;
    }
    const counts = perIntent.get(post.gold_intent) ?? [0, 0, 0];
    counts[tier]++;
    perIntent.set(post.gold_intent, counts);
  }
  console.log(`rules: ${rulesFile}, posts: ${posts.length} (${DATA.pathname})`);
  console.log(`${'intent'.padEnd(26)} ${'tier 0'.padStart(7)} ${'tier 1'.padStart(7)} ${'tier 2'.padStart(7)}`);
  let privateTotal = 0, privateInTier2 = 0, otherTotal = 0, otherInTier2 = 0;
  for (const [intent, counts] of [...perIntent].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`${intent.padEnd(26)} ${counts.map((n) => String(n).padStart(7)).join(' ')}`);
    const total = counts[0] + counts[1] + counts[2];
    if (PRIVATE_INTENTS.has(intent)) { privateTotal += total; privateInTier2 += counts[2]; }
    else { otherTotal += total; otherInTier2 += counts[2]; }
  }
  const privateRecall = round(privateInTier2 / privateTotal);
  const overEscalation = round(otherInTier2 / otherTotal);
  console.log(`refund/payment/account posts in tier 2: ${privateInTier2}/${privateTotal}; other posts in tier 2: ${otherInTier2}/${otherTotal}`);
  const tier0Share = round(botAnswers / posts.length);
  const tier0Precision = botAnswers === 0 ? null : round(rightBotAnswers / botAnswers);
  console.log(`tier 0 answered ${botAnswers}/${posts.length}; right answer (our labels, ${SELF_SERVICE_LABELS.pathname}): ${rightBotAnswers}/${botAnswers}`);
  console.log(JSON.stringify({ bench: 'quality', privateRecall, overEscalation, tier0Share, tier0Precision, posts: posts.length, rules: loaded.ruleSet.rules.length }));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
