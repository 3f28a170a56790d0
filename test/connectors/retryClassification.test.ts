import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { describe, expect, it } from 'vitest';
import { failedBeforeSending, isRateLimited, outcomeUnknown } from '../../server/connectors/x/retry.js';
import { describeXError, hardBackoffMs } from '../../server/connectors/x/xErrors.js';

const networkError = (code: string) => new ApiRequestError('Request failed.', { request: {} as never, error: Object.assign(new Error(`connect ${code}`), { code }) } as never);
const response = (code: number, data: object) => new ApiResponseError(`Request failed with code ${code}`, { code, data, headers: {}, request: {} as never, response: {} as never } as never);

describe('which failed writes may be sent again', () => {
  it('only a failure before the request left, or a 429 window, is safe to repeat', () => {
    expect(failedBeforeSending(networkError('ECONNREFUSED'))).toBe(true);
    expect(failedBeforeSending(networkError('ENOTFOUND'))).toBe(true);
    expect(failedBeforeSending(networkError('ECONNRESET'))).toBe(false);
    expect(isRateLimited(response(429, { title: 'Too Many Requests', type: 'about:blank' }))).toBe(true);
    expect(isRateLimited(response(429, { title: 'UsageCapExceeded', type: 'https://api.twitter.com/2/problems/usage-capped', period: 'Monthly' }))).toBe(false);
  });

  it('a reset connection, a timeout, a cut-off body and a 5xx leave the outcome unknown; a 4xx is X\'s refusal', () => {
    expect(outcomeUnknown(networkError('ECONNRESET'))).toBe(true);
    expect(outcomeUnknown(new ApiRequestError('Request failed.', { request: {} as never, error: new Error('Request timeout.') } as never))).toBe(true);
    expect(outcomeUnknown(new ApiPartialResponseError('cut', { request: {} as never, response: {} as never, responseError: new Error('x'), rawContent: '' } as never))).toBe(true);
    expect(outcomeUnknown(response(503, { title: 'Service Unavailable', type: 'about:blank' }))).toBe(true);
    expect(outcomeUnknown(response(403, { title: 'Forbidden', type: 'about:blank', detail: 'duplicate content' }))).toBe(false);
    expect(outcomeUnknown(networkError('ECONNREFUSED'))).toBe(false);
  });
});

describe('X\'s problems in operators\' words', () => {
  it('keeps title, detail, type and reason, and says what to fix', () => {
    const report = describeXError(response(403, { title: 'Client Forbidden', detail: 'must use keys attached to a Project', type: 'https://api.twitter.com/2/problems/client-forbidden', reason: 'client-not-enrolled' }));
    expect(report).toMatchObject({ status: 403, title: 'Client Forbidden', reason: 'client-not-enrolled' });
    expect(report.text).toBe('X 403 Client Forbidden: must use keys attached to a Project (https://api.twitter.com/2/problems/client-forbidden, reason client-not-enrolled) — fix: attach the app to a Project in the X developer console (v2 endpoints need one)');
    expect(describeXError(networkError('ECONNREFUSED')).text).toBe('X unreachable request failed: connect ECONNREFUSED');
  });

  it('backs off hard on 401, 402 and 403, and until the period ends on a usage cap', () => {
    const now = Date.UTC(2026, 11, 3, 8, 0);
    expect(hardBackoffMs(response(401, { title: 'Unauthorized', type: 'about:blank' }), now)).toBe(15 * 60_000);
    expect(hardBackoffMs(response(402, { title: 'CreditsDepleted', type: 'https://api.twitter.com/2/problems/credits' }), now)).toBe(15 * 60_000);
    expect(hardBackoffMs(response(429, { title: 'UsageCapExceeded', type: 'https://api.twitter.com/2/problems/usage-capped', period: 'Daily' }), now)).toBe(16 * 3600_000);
    expect(hardBackoffMs(response(429, { title: 'UsageCapExceeded', type: 'https://api.twitter.com/2/problems/usage-capped', period: 'Monthly' }), now)).toBe(Date.UTC(2027, 0, 1) - now);
    expect(hardBackoffMs(response(429, { title: 'Too Many Requests', type: 'about:blank' }), now)).toBeNull();
    expect(hardBackoffMs(response(503, { title: 'Service Unavailable', type: 'about:blank' }), now)).toBeNull();
  });
});
