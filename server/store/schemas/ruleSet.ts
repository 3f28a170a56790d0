import { Schema } from 'mongoose';
import type { RuleSet } from '../../routing/index.js';
import { documentOptions, idPath, withRevision, type NewDocument, type StoredDocument } from './define.js';

/**
 * A published rule set version. Immutable: the store exposes this collection
 * append-only (no update or delete), so history cannot be rewritten; a
 * rollback republishes an old set as a new version (`rolledBackFrom`).
 * `ruleSet` is the contract's JSON (routing.md §2), validated by the router
 * before it gets here.
 */
export const ruleSetVersionSchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      version: { type: Number, required: true, min: 1 },
      ruleSet: { type: Schema.Types.Mixed, required: true },
      publishedAt: { type: Date, required: true, default: () => new Date() },
      publishedBy: { type: String, required: true, minlength: 1 },
      rolledBackFrom: { type: Number, default: null, min: 1 },
    },
    documentOptions,
  ),
);

// The active set (highest version), GET /api/rules/versions (newest first) and rollback by number; unique, so two concurrent publishers cannot both create version N.
ruleSetVersionSchema.index({ version: 1 }, { unique: true });

/** The id of the one rule draft document. */
export const RULE_DRAFT_ID = 'draft';

/** The rule draft admins edit before publishing (one document, `_id` RULE_DRAFT_ID); `version` guards concurrent editors. */
export const ruleDraftSchema = withRevision(
  Schema.create(
    {
      _id: { type: String, required: true, default: RULE_DRAFT_ID },
      ruleSet: { type: Schema.Types.Mixed, required: true },
      baseVersion: { type: Number, default: null, min: 1 },
      updatedAt: { type: Date, required: true, default: () => new Date() },
      updatedBy: { type: String, required: true, minlength: 1 },
      version: { type: Number, required: true, default: 1, min: 1 },
    },
    documentOptions,
  ),
);

/** A published rule set version (`ruleSet` typed as the contract's RuleSet). */
export type RuleSetVersionDocument = Omit<StoredDocument<typeof ruleSetVersionSchema>, 'ruleSet'> & { ruleSet: RuleSet };
/** A rule set version to publish. */
export type NewRuleSetVersionDocument = Omit<NewDocument<typeof ruleSetVersionSchema>, 'ruleSet'> & { ruleSet: RuleSet };
/** The stored rule draft. */
export type RuleDraftDocument = Omit<StoredDocument<typeof ruleDraftSchema>, 'ruleSet'> & { ruleSet: RuleSet };
/** A rule draft to insert. */
export type NewRuleDraftDocument = Omit<NewDocument<typeof ruleDraftSchema>, 'ruleSet'> & { ruleSet: RuleSet };
