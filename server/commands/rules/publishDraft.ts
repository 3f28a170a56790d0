import { conflict } from '../../errors.js';
import type { SessionUser } from '../../middleware/currentUser.js';
import type { ActiveRuleSet } from '../../ruleSets/activeRuleSet.js';
import { RULE_DRAFT_ID, type RuleSetVersionDocument, type Store } from '../../store/index.js';
import { checkRuleSet } from './checkRuleSet.js';
import { PUBLISH_LOCK, publishVersion } from './publishVersion.js';
import { invalidRuleSet } from './ruleSetErrors.js';
import { draftRuleSet } from './saveDraft.js';

export interface PublishDraftProps {
  store: Store;
  rules: ActiveRuleSet;
  user: SessionUser;
  /** The draft version the admin reviewed; when given and no longer current, nothing is published (409). */
  expectedVersion?: number;
  now?: Date;
}

/**
 * Publishes the draft as the next version and removes the draft (unless it
 * was saved again meanwhile). The draft is checked again here, so an invalid
 * draft, or one naming a team deleted since it was saved, is never published.
 */
export function publishDraft(props: PublishDraftProps): Promise<RuleSetVersionDocument> {
  const { store } = props;
  return store.exclusive(PUBLISH_LOCK, async () => {
    const draft = await store.collections.ruleDrafts.findOne({ _id: RULE_DRAFT_ID });
    if (!draft) throw conflict('there is no draft to publish: save one with PUT /api/rules/draft');
    if (props.expectedVersion !== undefined && draft.version !== props.expectedVersion) {
      throw conflict(`the draft was changed by ${draft.updatedBy} since version ${props.expectedVersion}`, { currentVersion: draft.version });
    }
    const check = await checkRuleSet(store, draftRuleSet(draft));
    if (!check.valid) throw invalidRuleSet('the draft is not a valid rule set and cannot be published', check.errors);
    const published = await publishVersion({ store, rules: props.rules, ruleSet: check.ruleSet, publishedBy: props.user.username, now: props.now });
    await store.collections.ruleDrafts.deleteMany({ _id: RULE_DRAFT_ID, version: draft.version });
    return published;
  });
}
