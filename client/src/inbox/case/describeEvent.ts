import type { CaseEvent } from '../../api/types.js';

type Data = Record<string, unknown>;

const isObject = (value: unknown): value is Data => value !== null && typeof value === 'object' && !Array.isArray(value);
const show = (value: unknown): string => (Array.isArray(value) ? (value.length > 0 ? value.map(String).join(', ') : 'none') : value === null || value === undefined ? 'none' : String(value));
const place = (value: unknown): string => (isObject(value) ? `Tier ${show(value.tier)} ${show(value.team)}` : show(value));

/** Who did it, as the reader sees it: "you", the colleague's name ("a colleague" when unknown), the bot, a connector; the system goes unsaid. */
export function actorOf(event: CaseEvent, myId: string): string | null {
  const actor = event.actor;
  if (!actor) return null;
  if (actor.kind === 'user') return actor.id === myId ? 'you' : actor.name ?? 'a colleague';
  if (actor.kind === 'connector') return actor.id ? `the ${actor.id} connector` : 'a connector';
  return actor.id === 'bot' ? 'the bot' : null;
}

/** One line saying what an event did to the case (from the event types the server records). */
export function describeEvent(event: CaseEvent): string {
  const data: Data = event.data ?? {};
  const reason = typeof data.reason === 'string' ? `: ${data.reason}` : '';
  switch (event.type) {
    case 'created': {
      const rule = data.ruleId ? `rule ${show(data.ruleId)}` : 'the fallback';
      return `Case opened: ${rule} (rules v${show(data.ruleSetVersion)}) sent it to Tier ${show(data.tier)} ${show(data.team)}`;
    }
    case 'message':
      return 'The customer wrote again';
    case 'updated': {
      const changes = Object.entries(data)
        .filter(([, value]) => isObject(value) && 'to' in value)
        .map(([field, value]) => `${field} ${show((value as Data).from)} → ${show((value as Data).to)}`);
      return `Changed ${changes.join('; ') || 'the case'}${reason}`;
    }
    case 'reply': {
      const kind = data.channel === 'dm' ? 'DM' : 'Public reply';
      const problem = typeof data.error === 'string' ? data.error : typeof data.reason === 'string' ? data.reason : '';
      const error = problem ? `: ${problem}` : '';
      return `${kind} ${show(data.status)}${error}`;
    }
    case 'escalated':
      return `Escalated from ${place(data.from)} to ${place(data.to)}${reason}`;
    case 'note':
      return `Internal note${typeof data.author === 'string' ? ` by ${data.author}` : ''}: ${show(data.text)}`;
    case 'sla_breach':
      return `Response-time target missed${isObject(data.priority) ? `; priority ${show(data.priority.from)} → ${show(data.priority.to)}` : ''}`;
    case 'assigned': {
      const to = isObject(data.assignee) ? data.assignee.to : null;
      return `${to ? `Assigned to ${show(to)}` : 'Back in the queue'}${reason}`;
    }
    default:
      return event.type;
  }
}
