import type { RuleSetCheck } from '../../commands/rules/checkRuleSet.js';
import type { VersionHistoryEntry } from '../../commands/rules/listVersions.js';
import { draftRuleSet } from '../../commands/rules/saveDraft.js';
import { formatLintWarning, type LintWarning } from '../../routing/index.js';
import type { RuleDraftDocument, RuleSetVersionDocument } from '../../store/index.js';
import type { PresentedActive, PresentedDraft, PresentedLintWarning, PresentedPublished, PresentedVersion } from './presentedRules.js';

/** A lint warning for the editor: structured, plus the line `rules:lint` prints. */
export function presentWarning(warning: LintWarning): PresentedLintWarning {
  return { ruleId: warning.ruleId, related: warning.related, message: warning.message, text: formatLintWarning(warning) };
}

/** The draft with whether it can be published (`errors` only when it cannot). */
export function presentDraft(draft: RuleDraftDocument, check: RuleSetCheck): PresentedDraft {
  return {
    ruleSet: draftRuleSet(draft),
    version: draft.version,
    updatedAt: draft.updatedAt.toISOString(),
    updatedBy: draft.updatedBy,
    baseVersion: draft.baseVersion ?? null,
    valid: check.valid,
    ...(check.valid ? {} : { errors: check.errors }),
    warnings: check.warnings.map(presentWarning),
  };
}

/** The version in force. */
export function presentActive(version: RuleSetVersionDocument): PresentedActive {
  return { version: version.version, ruleSet: version.ruleSet, publishedAt: version.publishedAt.toISOString(), publishedBy: version.publishedBy, rolledBackFrom: version.rolledBackFrom ?? null };
}

/** What publishing or rolling back produced. */
export function presentPublished(version: RuleSetVersionDocument): PresentedPublished {
  return { version: version.version, publishedAt: version.publishedAt.toISOString(), publishedBy: version.publishedBy, rolledBackFrom: version.rolledBackFrom ?? null };
}

/** One row of the version history (with the rule set only when asked for one version). */
export function presentVersion(entry: VersionHistoryEntry, options: { withRuleSet?: boolean } = {}): PresentedVersion {
  return { ...presentPublished(entry.document), diff: entry.diff, ...(options.withRuleSet ? { ruleSet: entry.document.ruleSet } : {}) };
}
