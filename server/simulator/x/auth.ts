/** Who is calling: OAuth 1.0a user context or a Bearer token, checked the way X checks them. */
import type { Request } from 'express';
import { hasRequiredOAuthParams, isValidSignature, parseOAuthHeader, type OAuth1Credentials } from './oauth1.js';

/** Which credentials the simulator accepts; with nothing configured, any well-formed credentials pass. */
export interface AuthConfig {
  /** When set, OAuth 1.0a requests must be signed with one of these (signatures are verified). */
  oauth1?: OAuth1Credentials[];
  /** When set, only these Bearer tokens are accepted. */
  bearerTokens?: string[];
  /** Bearer tokens that are app-only: refused with 403 on user-context endpoints (DMs, posting). */
  appOnlyBearerTokens?: string[];
}

/** The authenticated caller; `principal` keys its rate-limit windows. */
export type Caller = { principal: string; appOnly: boolean };

/** Authenticates a request, or returns undefined (the route answers 401). */
export function authenticate(req: Request, config: AuthConfig): Caller | undefined {
  const header = req.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (bearer !== undefined) {
    const appOnly = config.appOnlyBearerTokens?.includes(bearer) ?? false;
    if (config.bearerTokens && !config.bearerTokens.includes(bearer) && !appOnly) return undefined;
    return { principal: `bearer:${bearer}`, appOnly };
  }
  const params = parseOAuthHeader(header);
  if (!params || !hasRequiredOAuthParams(params) || !params.get('oauth_token')) return undefined;
  if (config.oauth1) {
    const request = { method: req.method, baseUrl: requestBaseUrl(req), query: new URL(req.originalUrl, 'http://x').searchParams };
    const signedBy = config.oauth1.find(
      (credentials) =>
        credentials.appKey === params.get('oauth_consumer_key') &&
        credentials.accessToken === params.get('oauth_token') &&
        isValidSignature(params, request, credentials),
    );
    if (!signedBy) return undefined;
  }
  return { principal: `user:${params.get('oauth_token')}`, appOnly: false };
}

/** The URL the client signed: scheme, host header and path, without the query. */
function requestBaseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? ''}${req.originalUrl.split('?')[0]}`;
}
