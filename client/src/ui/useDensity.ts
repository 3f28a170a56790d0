import { useState } from 'react';

export type Density = 'comfortable' | 'compact';
const KEY = 'care-inbox.density';

/** The inbox's row density, remembered in this browser. */
export function useDensity(): [Density, (density: Density) => void] {
  const [density, setDensity] = useState<Density>(() => (readStored() === 'compact' ? 'compact' : 'comfortable'));
  const change = (next: Density) => {
    setDensity(next);
    try {
      window.localStorage.setItem(KEY, next);
    } catch {
      // Storage refused (private mode, quota): the choice lasts for this page only.
    }
  };
  return [density, change];
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
