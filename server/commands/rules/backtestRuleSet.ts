import { compileRuleSet, routeMessage, type CompiledRuleSet, type Message } from '../../routing/index.js';
import type { ActiveRuleSet } from '../../ruleSets/activeRuleSet.js';
import { fromMessageDocument, type Filter, type Store } from '../../store/index.js';
import { checkRuleSet } from './checkRuleSet.js';
import type { BacktestResult, DecisionSummary } from './ruleResults.js';
import { invalidRuleSet } from './ruleSetErrors.js';

export type { BacktestResult, DecisionSummary } from './ruleResults.js';

export const BACKTEST_DEFAULT_LIMIT = 1000;
export const BACKTEST_MAX_LIMIT = 10_000;

export interface BacktestProps {
  store: Store;
  rules: ActiveRuleSet;
  ruleSet: unknown;
  limit?: number;
  /** Our own accounts ("x:1000…"): their messages are never routed, so they are not re-routed either. */
  brandAccounts?: ReadonlySet<string>;
}

/**
 * Re-routes the last `limit` customer messages (newest first by arrival)
 * with a candidate set and with the active version, and lists those whose
 * decision changes (rule, tier or team, as `route --compare` judges it).
 */
export async function backtestRuleSet(props: BacktestProps): Promise<BacktestResult> {
  const check = await checkRuleSet(props.store, props.ruleSet);
  if (!check.valid) throw invalidRuleSet('the rule set to backtest is invalid', check.errors);
  const candidate = compileRuleSet(check.ruleSet);
  const active = props.rules.get();
  const documents = await props.store.collections.messages.find(customerMessages(props.brandAccounts), {
    sort: { receivedAt: -1 },
    limit: props.limit ?? BACKTEST_DEFAULT_LIMIT,
  });
  const changed: BacktestResult['changed'] = [];
  for (const document of documents) {
    const message = fromMessageDocument(document);
    const before = summary(active.compiled, message);
    const after = summary(candidate, message);
    if (before.ruleId !== after.ruleId || before.tier !== after.tier || before.team !== after.team) changed.push({ id: message.id, text: message.text, before, after });
  }
  return { total: documents.length, activeVersion: active.version, changed };
}

/** Messages that were routed or joined a case, minus our own accounts' posts. */
function customerMessages(brandAccounts: ReadonlySet<string> = new Set()): Filter {
  const filter: Filter = { $or: [{ decision: { $ne: null } }, { caseId: { $ne: null } }] };
  const ours = [...brandAccounts].map((account) => {
    const at = account.indexOf(':');
    return { platform: account.slice(0, at), 'author.id': account.slice(at + 1) };
  });
  if (ours.length > 0) filter.$nor = ours;
  return filter;
}

function summary(compiled: CompiledRuleSet, message: Message): DecisionSummary {
  const { ruleId, tier, team } = routeMessage(compiled, message);
  return { ruleId, tier, team };
}
