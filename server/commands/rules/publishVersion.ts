import { conflict } from '../../errors.js';
import { logger } from '../../logger.js';
import type { RuleSet } from '../../routing/index.js';
import type { ActiveRuleSet } from '../../ruleSets/activeRuleSet.js';
import type { RuleSetVersionDocument, Store } from '../../store/index.js';

export interface PublishVersionProps {
  store: Store;
  rules: ActiveRuleSet;
  /** A rule set already checked (checkRuleSet). */
  ruleSet: RuleSet;
  publishedBy: string;
  rolledBackFrom?: number | null;
  now?: Date;
}

const MAX_ATTEMPTS = 10;

/**
 * Appends a rule set as the next version and puts it in force. The unique
 * index on `version` makes the append atomic: when another publisher took
 * number N first, this one retries with N+1. Callers in this process also
 * hold store.exclusive(PUBLISH_LOCK), so retries only happen across processes.
 */
export async function publishVersion(props: PublishVersionProps): Promise<RuleSetVersionDocument> {
  const versions = props.store.collections.ruleSetVersions;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [newest] = await versions.find({}, { sort: { version: -1 }, limit: 1, fields: ['version'] });
    const inserted = await versions.insertOne({
      version: (newest?.version ?? 0) + 1,
      ruleSet: props.ruleSet,
      publishedAt: props.now ?? new Date(),
      publishedBy: props.publishedBy,
      rolledBackFrom: props.rolledBackFrom ?? null,
    });
    if (inserted.status === 'inserted') {
      putInForce(props.rules, inserted.document);
      logger.info({ version: inserted.document.version, publishedBy: props.publishedBy, rolledBackFrom: inserted.document.rolledBackFrom }, 'rule set published');
      return inserted.document;
    }
  }
  throw conflict('other rule sets kept being published at the same time; try again');
}

/** The key under which this process publishes one version at a time. */
export const PUBLISH_LOCK = 'rules:publish';

/** Swaps the router to a version unless a newer one is already in force (two publishes finishing out of order). */
function putInForce(rules: ActiveRuleSet, published: RuleSetVersionDocument): void {
  if (rules.get().version < published.version) rules.replace(published.version, published.ruleSet);
}
