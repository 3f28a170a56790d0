import type { Store } from '../store/index.js';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle, type LoginThrottleOptions } from './loginThrottle.js';
import { DEFAULT_SESSION_LIFETIMES, MemorySessionStore, type SessionLifetimes, type SessionStore } from './sessions.js';

/** How the app authenticates people: the store, the cookie secret, and optionally the session store and limits. */
export interface AuthOptions {
  store: Store;
  /** SESSION_SECRET: signs session cookies. */
  secret: string;
  sessions?: SessionStore;
  lifetimes?: SessionLifetimes;
  throttle?: LoginThrottleOptions;
}

/** The session and login parts the middleware and routes share, with defaults filled in. */
export interface Auth {
  store: Store;
  secret: string;
  sessions: SessionStore;
  lifetimes: SessionLifetimes;
  throttle: LoginThrottle;
}

/** Fills in the defaults: in-memory sessions (8 h idle, 24 h at most) and 5 failed logins per username+address per 15 min. */
export function createAuth(options: AuthOptions): Auth {
  const lifetimes = options.lifetimes ?? DEFAULT_SESSION_LIFETIMES;
  return {
    store: options.store,
    secret: options.secret,
    lifetimes,
    sessions: options.sessions ?? new MemorySessionStore(lifetimes),
    throttle: new LoginThrottle(options.throttle ?? DEFAULT_LOGIN_THROTTLE),
  };
}
