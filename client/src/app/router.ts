import { useCallback, useSyncExternalStore } from 'react';

/** The screens the address bar can name. */
export type Route =
  | { name: 'inbox' }
  | { name: 'case'; id: string }
  | { name: 'monitor' }
  | { name: 'metrics' }
  | { name: 'rules' }
  | { name: 'people' }
  | { name: 'search' }
  | { name: 'webhooks' }
  | { name: 'audit' }
  | { name: 'home' }
  | { name: 'notFound'; path: string };

/** The route a path names. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/inbox') return { name: 'inbox' };
  if (pathname === '/monitor') return { name: 'monitor' };
  if (pathname === '/metrics') return { name: 'metrics' };
  if (pathname === '/rules') return { name: 'rules' };
  if (pathname === '/people') return { name: 'people' };
  if (pathname === '/search') return { name: 'search' };
  if (pathname === '/webhooks') return { name: 'webhooks' };
  if (pathname === '/audit') return { name: 'audit' };
  const caseMatch = /^\/cases\/([^/]+)$/.exec(pathname);
  if (caseMatch?.[1]) return { name: 'case', id: decodeURIComponent(caseMatch[1]) };
  return { name: 'notFound', path: pathname };
}

/** The path of a route (the inverse of parseRoute). */
export function pathOf(route: Route): string {
  switch (route.name) {
    case 'inbox': return '/inbox';
    case 'monitor': return '/monitor';
    case 'metrics': return '/metrics';
    case 'rules': return '/rules';
    case 'people': return '/people';
    case 'search': return '/search';
    case 'webhooks': return '/webhooks';
    case 'audit': return '/audit';
    case 'case': return `/cases/${encodeURIComponent(route.id)}`;
    case 'home': return '/';
    case 'notFound': return route.path;
  }
}

const NAVIGATED = 'care:navigated';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

// With the query: screens that read it (search, a case's ?edit=) re-render when only it changes.
const currentPath = () => window.location.pathname + window.location.search;

/** Moves to a path without a page load (history API). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
}

/** The current route, re-rendering on navigation, and a function to move. */
export function useRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const path = useSyncExternalStore(subscribe, currentPath);
  const go = useCallback((route: Route, options?: { replace?: boolean }) => navigate(pathOf(route), options), []);
  return [parseRoute(path.split('?')[0] ?? ''), go];
}
