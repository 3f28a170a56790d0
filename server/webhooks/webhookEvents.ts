import type { CaseEventDocument, CaseEventType } from '../store/index.js';
import type { WebhookEventType } from '../store/schemas/webhookEventType.js';

/** The case event types that can become webhook events (the query of the fan-out). */
export const CASE_EVENT_SOURCES: readonly CaseEventType[] = ['created', 'message', 'updated', 'escalated', 'reply'];

/**
 * The webhook event a case event is, if any: a reply only once its outcome is
 * known (sent or failed; queued and waiting replies are not announced), notes
 * and SLA breaches never (notes are internal).
 */
export function webhookEventOf(event: Pick<CaseEventDocument, 'type' | 'data'>): WebhookEventType | null {
  switch (event.type) {
    case 'created':
      return 'case.created';
    case 'message':
      return 'message.created';
    case 'updated':
      return 'case.updated';
    case 'escalated':
      return 'case.escalated';
    case 'reply':
      if (event.data.status === 'sent') return 'reply.sent';
      if (event.data.status === 'failed') return 'reply.failed';
      return null;
    default:
      return null;
  }
}
