import { presentCase } from '../presenters/case.js';
import { presentSavedReply } from '../presenters/savedReply.js';
import { presentTeam } from '../presenters/team.js';
import { presentUserAccount } from '../presenters/user.js';
import { presentWebhook } from '../presenters/webhook.js';
import { allTeamsScope, type Store } from '../store/index.js';

/**
 * The target of a change as it is before the change (the audit entry's
 * `before`), in the shape the API answers it; null when there is none (a
 * create, an unknown id). Read just before the change, so a concurrent
 * change by someone else can fall between (case events keep exact from/to).
 */
export async function beforeOf(store: Store, kind: string, id: string): Promise<unknown> {
  const { collections } = store;
  switch (kind) {
    case 'case': {
      const found = await collections.cases.findOne(allTeamsScope(), { _id: id });
      return found ? presentCase(found) : null;
    }
    case 'user': {
      const found = await collections.users.findOne({ _id: id });
      return found ? presentUserAccount(found) : null;
    }
    case 'team': {
      const found = await collections.teams.findOne({ name: id });
      return found ? presentTeam(found) : null;
    }
    case 'webhook': {
      const found = await collections.webhooks.findOne({ _id: id });
      return found ? presentWebhook(found) : null;
    }
    case 'savedReply': {
      const found = await collections.savedReplies.findOne({ _id: id });
      return found ? presentSavedReply(found) : null;
    }
    case 'customer': {
      const block = await collections.customerBlocks.findOne({ customer: id });
      return { blocked: block ? { reason: block.reason, by: block.blockedBy, at: block.blockedAt.toISOString() } : null };
    }
    default:
      return null;
  }
}
