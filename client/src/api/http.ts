// The server's own error class (server/errors.ts imports nothing): the client rebuilds what an answer says, status 0 for a network failure.
import { ApiError, type ErrorAnswer } from '../../../server/errors.js';

export { ApiError };

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** Calls `listener` when a logged-in request answers 401 (the session ended: expired, or logged out elsewhere). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** Remembers the token that cookie-authenticated writes must send (from POST/GET /api/session). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API with the session cookie; writes carry the CSRF token; non-2xx answers throw ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  // Logging in and asking who is logged in answer 401 as part of their job; anywhere else it means the session ended.
  if (response.status === 401 && path !== '/api/session') for (const listener of unauthorizedListeners) listener();
  if (!response.ok) throw errorFrom(response, body);
  return body as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page or a truncated body: report it as the status it came with.
    return undefined;
  }
}

function errorFrom(response: Response, body: unknown): ApiError {
  // Checked as it is read: a proxy in between may answer something else.
  const error = (body as Partial<ErrorAnswer> | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
  const message = typeof error?.message === 'string' ? error.message : `The server answered ${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, code, message, error?.details);
}

/** A route's query (the server's own type) as queryString takes it: every parameter named, '', null or undefined when left out. */
export type QueryOf<Query> = { [Name in keyof Required<Query>]: Query[Name] | '' | null | undefined };

/** A query string from the defined, non-empty parameters. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
