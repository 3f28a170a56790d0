/** OAuth 1.0a (HMAC-SHA1) header parsing and signature checking, as X verifies user-context requests. */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The keys a client signs with (what twitter-api-v2 takes as appKey/appSecret/accessToken/accessSecret). */
export interface OAuth1Credentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
}

/** RFC 3986 percent-encoding as OAuth 1.0a requires. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!*'()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Parses `OAuth k="v", …` into its decoded parameters, or undefined when it is not an OAuth header. */
export function parseOAuthHeader(header: string): Map<string, string> | undefined {
  if (!/^OAuth\s+/i.test(header)) return undefined;
  const params = new Map<string, string>();
  for (const match of header.replace(/^OAuth\s+/i, '').matchAll(/([\w.%-]+)="([^"]*)"/g)) {
    params.set(decodeURIComponent(match[1] as string), decodeURIComponent(match[2] as string));
  }
  return params;
}

const REQUIRED = ['oauth_consumer_key', 'oauth_nonce', 'oauth_signature', 'oauth_signature_method', 'oauth_timestamp'];

/** True when the header carries every parameter a signed request needs. */
export function hasRequiredOAuthParams(params: ReadonlyMap<string, string>): boolean {
  return REQUIRED.every((name) => (params.get(name) ?? '') !== '');
}

/** Recomputes the HMAC-SHA1 signature over method, base URL, query and oauth_* parameters and compares. */
export function isValidSignature(
  params: ReadonlyMap<string, string>,
  request: { method: string; baseUrl: string; query: URLSearchParams },
  credentials: OAuth1Credentials,
): boolean {
  const pairs: Array<[string, string]> = [];
  for (const [name, value] of params) if (name !== 'oauth_signature' && name.startsWith('oauth_')) pairs.push([name, value]);
  for (const [name, value] of request.query) pairs.push([name, value]);
  const normalized = pairs
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const base = [request.method.toUpperCase(), percentEncode(request.baseUrl), percentEncode(normalized)].join('&');
  const key = `${percentEncode(credentials.appSecret)}&${percentEncode(credentials.accessSecret)}`;
  const expected = Buffer.from(createHmac('sha1', key).update(base).digest('base64'));
  const given = Buffer.from(params.get('oauth_signature') ?? '');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
