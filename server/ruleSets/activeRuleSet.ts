import { loadRuleFile } from '../cli/ruleFile.js';
import { compileRuleSet, type CompiledRuleSet, type RuleSet } from '../routing/index.js';
import type { Store } from '../store/index.js';

/** The rule set version in force, compiled once; swapped atomically on publish. */
export class ActiveRuleSet {
  constructor(
    private current: { version: number; ruleSet: RuleSet; compiled: CompiledRuleSet },
  ) {}

  /** The version in force and its compiled rules (read once per routing decision, so a swap never mixes versions). */
  get(): { version: number; ruleSet: RuleSet; compiled: CompiledRuleSet } {
    return this.current;
  }

  /** Puts a published version in force. */
  replace(version: number, ruleSet: RuleSet): void {
    this.current = { version, ruleSet, compiled: compileRuleSet(ruleSet) };
  }
}

/** Loads the newest published version; on an empty store, publishes RULES_FILE as version 1. */
export async function loadActiveRuleSet(store: Store, rulesFile: string): Promise<ActiveRuleSet> {
  const [newest] = await store.collections.ruleSetVersions.find({}, { sort: { version: -1 }, limit: 1 });
  if (newest) return new ActiveRuleSet({ version: newest.version, ruleSet: newest.ruleSet, compiled: compileRuleSet(newest.ruleSet) });
  const loaded = loadRuleFile(rulesFile);
  if (!loaded.ok) throw new Error(`RULES_FILE ${rulesFile} is not a valid rule set:\n${loaded.problems.join('\n')}`);
  const inserted = await store.collections.ruleSetVersions.insertOne({ version: 1, ruleSet: loaded.ruleSet, publishedBy: 'system' });
  // Another process may have published version 1 first: use what is stored.
  const first = inserted.status === 'inserted' ? inserted.document : await store.collections.ruleSetVersions.findOne({ version: 1 });
  if (!first) throw new Error('rule set version 1 vanished');
  return new ActiveRuleSet({ version: first.version, ruleSet: first.ruleSet, compiled: compileRuleSet(first.ruleSet) });
}
