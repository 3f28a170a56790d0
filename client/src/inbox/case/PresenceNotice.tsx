import type { CaseViewer } from '../../api/types.js';

/** One line per colleague with the case open: "hugo is also viewing", "hugo is typing a reply…", so two agents do not answer at once. */
export function PresenceNotice({ others }: { others: CaseViewer[] }) {
  return (
    <div className="presence" role="status" aria-live="polite">
      {others.map((viewer) => (
        <p key={viewer.username} className={viewer.typing ? 'presence-typing' : undefined}>
          <span aria-hidden="true">{viewer.typing ? '✎ ' : '👁 '}</span>
          <strong>{viewer.username}</strong> {viewer.typing ? `is typing ${viewer.what === 'note' ? 'an internal note' : 'a reply'}…` : 'is also viewing'}
        </p>
      ))}
    </div>
  );
}
