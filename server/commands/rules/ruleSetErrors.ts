import { ApiError } from '../../errors.js';
import type { PointedError } from '../../routing/index.js';

/** 422 for a rule set that does not validate; `details` point into the rule set itself (as the CLI and the editor use them). */
export const invalidRuleSet = (message: string, details: PointedError[]) => new ApiError(422, 'invalid_rule_set', message, details);

/** 422 for a message to test that is not a valid message; `details` point into the request body (`/message/…`). */
export const invalidMessage = (details: PointedError[]) => new ApiError(422, 'invalid_message', 'the message is not a valid message (routing.md §1)', details);
