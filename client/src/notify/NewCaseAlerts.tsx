import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useLive } from '../live/LiveContext.js';
import { chime, readNotifySettings, writeNotifySettings, type NotifySettings } from './notifySettings.js';

const BASE_TITLE = 'Care inbox';

interface Alerts {
  unseen: number;
  settings: NotifySettings;
  desktop: NotificationPermission | 'unsupported';
  setSound(on: boolean): void;
  askDesktop(): void;
  markSeen(): void;
}

const AlertsContext = createContext<Alerts | null>(null);

/**
 * New cases in the user's queues (a `case:upsert` of a just-opened case: the
 * live rooms are the user's teams) and notes that @mention the user: counted in the page title ("(3) Care
 * inbox") until the inbox is looked at, with an optional chime, and a desktop
 * notification while the tab is in the background once the user allowed them.
 */
export function NewCaseAlertsProvider({ children, watching }: { children: ReactNode; watching: boolean }) {
  const live = useLive();
  const [unseen, setUnseen] = useState(0);
  const [settings, setSettings] = useState(readNotifySettings);
  const [desktop, setDesktop] = useState<NotificationPermission | 'unsupported'>(() => ('Notification' in window ? Notification.permission : 'unsupported'));
  const seen = useRef(new Set<string>());
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  useEffect(() => {
    if (!live) return;
    return live.on('case:upsert', ({ case: item }) => {
      if (item.status !== 'new' || item.version !== 1 || seen.current.has(item.id)) return;
      seen.current.add(item.id);
      setUnseen((count) => count + 1);
      if (settingsRef.current.sound) chime();
      if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
        new Notification('New case', { body: `${item.customer.name || item.customer.handle || 'A customer'} (${item.team}): ${item.preview}`, tag: item.id });
      }
    });
  }, [live]);

  // A note that mentions the user counts like a new case, and is said on the desktop by who wrote it.
  useEffect(() => {
    if (!live) return;
    return live.on('mention:new', ({ case: item, note }) => {
      if (seen.current.has(note.id)) return;
      // The note's own case:upsert is not a new case.
      seen.current.add(note.id).add(item.id);
      setUnseen((count) => count + 1);
      if (settingsRef.current.sound) chime();
      if (document.hidden && 'Notification' in window && Notification.permission === 'granted') {
        new Notification(`${String(note.data.author ?? 'A colleague')} mentioned you`, { body: `${item.customer.name || item.customer.handle || 'A customer'}: ${String(note.data.text ?? '')}`, tag: note.id });
      }
    });
  }, [live]);

  // Looking at the inbox (the tab in front) counts as having seen what arrived.
  useEffect(() => {
    if (!watching) return;
    const seenNow = () => {
      if (!document.hidden) setUnseen(0);
    };
    seenNow();
    document.addEventListener('visibilitychange', seenNow);
    return () => document.removeEventListener('visibilitychange', seenNow);
  }, [watching, unseen]);

  useEffect(() => {
    document.title = unseen > 0 ? `(${unseen}) ${BASE_TITLE}` : BASE_TITLE;
  }, [unseen]);

  const update = (next: NotifySettings) => {
    setSettings(next);
    writeNotifySettings(next);
  };
  const alerts: Alerts = {
    unseen,
    settings,
    desktop,
    setSound: (on) => update({ ...settings, sound: on }),
    askDesktop: () => {
      update({ ...settings, askedDesktop: true });
      if ('Notification' in window) void Notification.requestPermission().then(setDesktop);
    },
    markSeen: () => setUnseen(0),
  };
  return <AlertsContext.Provider value={alerts}>{children}</AlertsContext.Provider>;
}

/** The alerts' state and settings (null outside the provider: marketing has none). */
export function useNewCaseAlerts(): Alerts | null {
  return useContext(AlertsContext);
}
