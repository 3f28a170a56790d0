import { createHmac } from 'node:crypto';

/** `X-Care-Signature: t=UNIX,v1=HEX`: HMAC-SHA256 of `t.body` with the webhook's secret (api.md). */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}
