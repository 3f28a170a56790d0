/** The agent's notification choices, kept in this browser. */
export interface NotifySettings {
  sound: boolean;
  /** Whether the desktop-notification question was put once already (it is never asked again by itself). */
  askedDesktop: boolean;
}

const KEY = 'care-inbox.notify';

export function readNotifySettings(): NotifySettings {
  try {
    const stored = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as Partial<NotifySettings>;
    return { sound: stored.sound === true, askedDesktop: stored.askedDesktop === true };
  } catch {
    return { sound: false, askedDesktop: false };
  }
}

export function writeNotifySettings(settings: NotifySettings): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage refused: the choice lasts for this page only.
  }
}

/** A short two-tone chime made in the page (no sound file is fetched). */
export function chime(): void {
  const Context = window.AudioContext;
  if (!Context) return;
  const audio = new Context();
  for (const [index, frequency] of [880, 660].entries()) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    gain.gain.value = 0.08;
    tone.connect(gain).connect(audio.destination);
    tone.start(audio.currentTime + index * 0.15);
    tone.stop(audio.currentTime + index * 0.15 + 0.12);
  }
  window.setTimeout(() => void audio.close(), 600);
}
