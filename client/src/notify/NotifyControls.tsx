import { useNewCaseAlerts } from './NewCaseAlerts.js';

/** The inbox's notification settings: a chime on new cases, and desktop notifications (asked for once, on the agent's click). */
export function NotifyControls() {
  const alerts = useNewCaseAlerts();
  if (!alerts) return null;
  const { settings, desktop } = alerts;
  return (
    <div className="notify-controls">
      <label><input type="checkbox" checked={settings.sound} onChange={(e) => alerts.setSound(e.target.checked)} /> Sound on new cases and mentions</label>
      {desktop === 'default' && !settings.askedDesktop && <button type="button" className="secondary" onClick={alerts.askDesktop}>Desktop notifications…</button>}
      {desktop === 'denied' && <span className="muted">Desktop notifications are blocked in this browser.</span>}
    </div>
  );
}
