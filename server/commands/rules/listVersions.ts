import { notFound } from '../../errors.js';
import type { RuleSetVersionDocument, Store } from '../../store/index.js';
import { diffRuleSets, type RuleSetDiff } from './ruleSetDiff.js';

/** A published version as the history lists it: who, when, and what changed from the version before. */
export interface VersionHistoryEntry {
  document: RuleSetVersionDocument;
  /** Null for the first version (nothing before it). */
  diff: RuleSetDiff | null;
}

/** Every published version, newest first, each with its diff against the previous version number. */
export async function listVersions(store: Store): Promise<VersionHistoryEntry[]> {
  const versions = await store.collections.ruleSetVersions.find({}, { sort: { version: -1 } });
  return versions.map((document, index) => {
    const previous = versions[index + 1];
    return { document, diff: previous ? diffRuleSets(previous.ruleSet, document.ruleSet) : null };
  });
}

/** One published version with its diff against the version before it; 404 when there is none with that number. */
export async function readVersion(store: Store, version: number): Promise<VersionHistoryEntry> {
  const [document, previous] = await store.collections.ruleSetVersions.find({ version: { $lte: version } }, { sort: { version: -1 }, limit: 2 });
  if (!document || document.version !== version) throw notFound(`rule set version ${version}`);
  return { document, diff: previous ? diffRuleSets(previous.ruleSet, document.ruleSet) : null };
}
