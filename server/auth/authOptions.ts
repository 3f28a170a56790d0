import type { Store } from '../store/index.js';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle, type LoginLimits, type LoginThrottleOptions } from './loginThrottle.js';
import type { SessionLifetimes, SessionStore } from './sessions.js';

/** How the app authenticates people: the store, the cookie secret, the session store, and optionally the login limits. */
export interface AuthOptions {
  store: Store;
  /** SESSION_SECRET: signs session cookies. */
  secret: string;
  /** Shared with the live server, whose handshakes read the same sessions. */
  sessions: SessionStore;
  throttle?: LoginThrottleOptions;
  /** Failed-login counts shared by several web processes (Redis); default: this process's memory, with `throttle`'s limits. */
  loginLimits?: LoginLimits;
}

/** The session and login parts the middleware and routes share, with defaults filled in. */
export interface Auth {
  store: Store;
  secret: string;
  sessions: SessionStore;
  lifetimes: SessionLifetimes;
  throttle: LoginLimits;
}

/** Fills in the defaults: 5 failed logins per username+address per 15 min. */
export function createAuth(options: AuthOptions): Auth {
  return {
    store: options.store,
    secret: options.secret,
    lifetimes: options.sessions.lifetimes,
    sessions: options.sessions,
    throttle: options.loginLimits ?? new LoginThrottle(options.throttle ?? DEFAULT_LOGIN_THROTTLE),
  };
}
