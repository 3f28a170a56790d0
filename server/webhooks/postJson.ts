import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress, publicOnlyLookup } from './privateTargets.js';

export interface PostJsonOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  /** WEBHOOK_ALLOW_PRIVATE: may connect to loopback and private addresses. */
  allowPrivate: boolean;
}

/**
 * POSTs a JSON body and answers the status code (the response body is
 * dropped; redirects are not followed). Unless private targets are allowed,
 * the address connected to must be public: a literal IP is checked here, a
 * name at DNS resolution (publicOnlyLookup), so a name re-pointed to an
 * internal address after the webhook was saved is refused too.
 */
export function postJson(url: string, body: string, options: PostJsonOptions): Promise<number> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && isIP(host) !== 0 && isPrivateAddress(host)) return Promise.reject(new Error(`${host} is a private network address (WEBHOOK_ALLOW_PRIVATE=1 allows it)`));
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(target, {
      method: 'POST',
      headers: { ...options.headers, 'content-length': Buffer.byteLength(body) },
      signal: AbortSignal.timeout(options.timeoutMs),
      ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
    }, (response: IncomingMessage) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
