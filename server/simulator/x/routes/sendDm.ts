/** POST /2/dm_conversations/with/:participant_id/messages — our side sends a DM; it shows up in GET /2/dm_events. */
import { checkDmCreateBody } from '../bodies.js';
import { forbidden, invalidRequest } from '../errors.js';
import { isSnowflake } from '../ids.js';
import type { RouteHandler } from '../pipeline.js';
import type { RouteDeps } from './deps.js';

const MAX_DM_LENGTH = 10_000;

/** Builds the send-DM route. */
export function sendDmRoute({ world, posted, clock }: RouteDeps): RouteHandler {
  return (req) => {
    const participantId = String(req.params.participant_id);
    if (!isSnowflake(participantId)) {
      return {
        problem: invalidRequest([{ parameters: { participant_id: [participantId] }, message: `The \`participant_id\` query parameter value [${participantId}] does not match ^[0-9]{1,19}$` }]),
      };
    }
    const checked = checkDmCreateBody(req.body);
    if ('problems' in checked) return { problem: invalidRequest(checked.problems) };
    const { text } = checked.body;
    if ([...text].length > MAX_DM_LENGTH) return { problem: forbidden('The text of your direct message is over the max character limit.') };
    if (participantId === world.brand.id) return { problem: forbidden('You cannot send a direct message to yourself.') };

    const now = clock();
    const event = world.addDmEvent({ text, senderId: world.brand.id, recipientId: participantId, createdAt: now });
    posted.recordDm({
      dmEventId: event.id,
      dmConversationId: event.conversationId,
      participantId,
      text,
      createdAt: new Date(now).toISOString(),
    });
    return { status: 201, body: { data: { dm_conversation_id: event.conversationId, dm_event_id: event.id } } };
  };
}
