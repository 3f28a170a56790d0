import type { CaseEvent } from '../../api/types.js';
import { Bdi } from '../../ui/Bdi.js';
import { formatDateTime } from '../../ui/formatTime.js';

const placeOf = (value: unknown): string => {
  const place = value as { tier?: unknown; team?: unknown } | null;
  return place && typeof place === 'object' ? `Tier ${String(place.tier)} ${String(place.team)}` : '';
};

/** The newest escalation's reason, at the top of the case: what the receiving team must know first. */
export function EscalationBanner({ events }: { events: CaseEvent[] }) {
  const escalation = [...events].reverse().find((event) => event.type === 'escalated');
  if (!escalation) return null;
  const data = escalation.data ?? {};
  const reason = typeof data.reason === 'string' ? data.reason : '';
  const who = escalation.actor?.kind === 'user' ? escalation.actor.name ?? 'a colleague' : escalation.actor?.id === 'bot' ? 'the bot' : 'routing';
  return (
    <section className="escalation-banner" aria-label="Escalation">
      <p>
        <strong>Escalated</strong> from {placeOf(data.from)} to {placeOf(data.to)} by {who}, {formatDateTime(escalation.at)}
        {reason && <>: <Bdi>{reason}</Bdi></>}
      </p>
    </section>
  );
}
