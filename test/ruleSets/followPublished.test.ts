import { describe, expect, it } from 'vitest';
import { publishVersion } from '../../server/commands/rules/publishVersion.js';
import { loadRuleFile } from '../../server/cli/ruleFile.js';
import type { RuleSet } from '../../server/routing/index.js';
import { loadActiveRuleSet } from '../../server/ruleSets/activeRuleSet.js';
import { catchUpPublished, followPublishedVersions } from '../../server/ruleSets/followPublished.js';
import { rememberedRegexRisk } from '../../server/routing/regexSafety.js';
import { useFreshStore } from '../support/testStore.js';

const RULES_FILE = 'rules/default.rules.json';

const fresh = useFreshStore('follow-published');

function defaultRules(): RuleSet {
  const loaded = loadRuleFile(RULES_FILE);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  return loaded.ruleSet;
}

/** Two processes sharing one database, each with its own router: `here` publishes, `there` must follow. */
async function twoProcesses() {
  const { store } = fresh;
  const here = await loadActiveRuleSet(store, RULES_FILE);
  const there = await loadActiveRuleSet(store, RULES_FILE);
  const reordered = defaultRules();
  reordered.rules.reverse();
  await publishVersion({ store, rules: here, ruleSet: reordered, publishedBy: 'admin' });
  return { here, there, reordered };
}

describe('following versions published by another process', () => {
  it('puts the newest stored version in force, rules and all', async () => {
    const { here, there, reordered } = await twoProcesses();
    expect(here.get().version).toBe(2);
    expect(there.get().version).toBe(1);
    await expect(catchUpPublished(fresh.store, there)).resolves.toBe(true);
    expect(there.get().version).toBe(2);
    expect(there.get().ruleSet.rules.map((rule) => rule.id)).toEqual(reordered.rules.map((rule) => rule.id));
  });

  it('judges the new version\'s regular expressions off the event loop before compiling it (verdicts remembered)', async () => {
    const { store } = fresh;
    const here = await loadActiveRuleSet(store, RULES_FILE);
    const there = await loadActiveRuleSet(store, RULES_FILE);
    const source = `order #(\\d{6})-${process.pid}-${Date.now()}`;
    const withRegex = defaultRules();
    withRegex.rules.unshift({ id: 'order-number', when: { field: 'text', op: 'matches', value: source }, then: { tier: 1, team: 'care' } });
    // Published "in another process": straight into the store, as that process would have after its own check.
    await store.collections.ruleSetVersions.insertOne({ version: here.get().version + 1, ruleSet: withRegex, publishedBy: 'admin' });
    expect(rememberedRegexRisk(source, '')).toBeUndefined();
    // What compiling will find when the new version is put in force.
    let verdictAtCompile: string | null | undefined;
    const replace = there.replace.bind(there);
    there.replace = (version, ruleSet) => {
      verdictAtCompile = rememberedRegexRisk(source, '');
      replace(version, ruleSet);
    };
    await expect(catchUpPublished(store, there)).resolves.toBe(true);
    expect(verdictAtCompile).toBeNull();
  });

  it('does nothing when this process is already on the newest version', async () => {
    const { here } = await twoProcesses();
    const before = here.get();
    await expect(catchUpPublished(fresh.store, here)).resolves.toBe(false);
    expect(here.get()).toBe(before);
  });

  it('follows on its own within the interval', async () => {
    const { there } = await twoProcesses();
    const stop = followPublishedVersions(fresh.store, there, 20);
    try {
      await expect.poll(() => there.get().version, { timeout: 15_000 }).toBe(2);
    } finally {
      stop();
    }
  });
});
