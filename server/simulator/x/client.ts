/** How a twitter-api-v2 client reaches the simulator instead of api.x.com. */
import http from 'node:http';
import type { ITwitterApiClientPlugin } from 'twitter-api-v2';

const X_V2_PREFIX = 'https://api.x.com/2/';

/**
 * A twitter-api-v2 plugin that sends every v2 request to `baseUrl` (e.g. http://127.0.0.1:PORT/2/).
 * twitter-api-v2 1.29 has no option for the v2 prefix (setPrefix is protected, cloneWithPrefix is broken),
 * so the URL is rewritten before the request is signed; OAuth 1.0a signatures cover the simulator URL.
 */
export function pointClientAtSimulator(baseUrl: string): ITwitterApiClientPlugin {
  const target = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    onBeforeRequestConfig({ params }) {
      if (params.url.startsWith(X_V2_PREFIX)) params.url = target + params.url.slice(X_V2_PREFIX.length);
    },
  };
}

/**
 * Client settings for the simulator: the URL plugin plus a plain http.Agent. twitter-api-v2 always calls
 * https.request, which accepts an http: URL when the agent is an http.Agent.
 */
export function simulatorClientSettings(baseUrl: string): { httpAgent: http.Agent; plugins: ITwitterApiClientPlugin[] } {
  return { httpAgent: new http.Agent({ keepAlive: false }), plugins: [pointClientAtSimulator(baseUrl)] };
}
