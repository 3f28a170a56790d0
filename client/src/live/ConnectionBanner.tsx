import { useLiveStatus } from './LiveContext.js';

/** Says so when live updates stopped; it goes away by itself once the connection is back. */
export function ConnectionBanner() {
  const status = useLiveStatus();
  return (
    <div role="status" aria-live="polite" className="connection-status">
      {status === 'lost' && <p className="banner banner-warning">Connection lost: live updates are paused. Reconnecting…</p>}
    </div>
  );
}
