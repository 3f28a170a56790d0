import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { networkErrorOf } from './retry.js';

/** X's own words about a failed request (its RFC 7807 problem), with what the operator must do about it. */
export interface XProblemReport {
  status: number | null;
  title?: string;
  detail?: string;
  type?: string;
  /** client-forbidden: official-client-forbidden or client-not-enrolled. */
  reason?: string;
  /** usage-capped: Daily or Monthly. */
  period?: string;
  /** usage-capped: Account or Product. */
  scope?: string;
  /** What the operator must change, for problems no retry fixes. */
  fix?: string;
  /** One line for GET /api/health and the log: X's status, title, detail, type and reason, then the fix. */
  text: string;
}

interface ProblemBody {
  title?: unknown;
  detail?: unknown;
  type?: unknown;
  reason?: unknown;
  period?: unknown;
  scope?: unknown;
  errors?: unknown;
}

const USAGE_CAPPED = 'https://api.twitter.com/2/problems/usage-capped';

/** X answered 200 with `errors` and no `data`: the request failed (a deleted account, a field not allowed…), it is not "nothing new". */
export class XErrorsWithoutData extends Error {
  constructor(readonly problems: ProblemBody[]) {
    super(`X answered with errors and no data: ${problems.map((problem) => [text(problem.title), text(problem.detail)].filter(Boolean).join(': ')).join('; ')}`);
  }
}

/** X refused for good until the operator fixes something (401, 402, 403 on reads, usage cap): how long to leave the stream alone. */
export function hardBackoffMs(error: unknown, now = Date.now()): number | null {
  if (!(error instanceof ApiResponseError)) return null;
  const body = (error.data ?? {}) as ProblemBody;
  if (body.type === USAGE_CAPPED) return usagePeriodEnd(text(body.period), now) - now;
  if (error.code === 401 || error.code === 402 || error.code === 403) return 15 * 60_000;
  return null;
}

/** Whether the error is X's usage-capped problem (a 429 that is not the 15-minute window). */
export function isUsageCapped(error: unknown): boolean {
  return error instanceof ApiResponseError && (error.data as ProblemBody | undefined)?.type === USAGE_CAPPED;
}

/** X's problem behind an error from twitter-api-v2 (or the network's error), in words for operators. */
export function describeXError(error: unknown): XProblemReport {
  if (error instanceof XErrorsWithoutData) {
    const first = error.problems[0] ?? {};
    return finish({ status: 200, title: text(first.title), detail: text(first.detail), type: text(first.type) });
  }
  if (error instanceof ApiResponseError) {
    const body = (error.data ?? {}) as ProblemBody;
    const report: Omit<XProblemReport, 'text'> = {
      status: error.code,
      title: text(body.title),
      detail: text(body.detail) ?? firstErrorMessage(body.errors),
      type: text(body.type),
      reason: text(body.reason),
      period: text(body.period),
      scope: text(body.scope),
    };
    return finish({ ...report, fix: fixFor(report) });
  }
  if (error instanceof ApiRequestError) {
    const cause = networkErrorOf(error);
    return finish({ status: null, detail: `request failed: ${cause ? `${cause.message}${cause.code && !cause.message.includes(cause.code) ? ` (${cause.code})` : ''}` : error.message}` });
  }
  if (error instanceof ApiPartialResponseError) return finish({ status: null, detail: error.message });
  // Not X's answer (e.g. the store failed while a page was saved): its own message.
  const message = error instanceof Error ? error.message : String(error);
  return { status: null, detail: message, text: message };
}

function fixFor(report: Omit<XProblemReport, 'text'>): string | undefined {
  if (report.type === USAGE_CAPPED) {
    return `the ${report.scope ?? 'account'}'s ${report.period?.toLowerCase() ?? ''} usage cap is spent: buy credits or raise the cap in the X developer console, or wait for the period to end`.replace('  ', ' ');
  }
  if (report.reason === 'client-not-enrolled') return 'attach the app to a Project in the X developer console (v2 endpoints need one)';
  switch (report.status) {
    case 401:
      return 'check X_APP_KEY, X_APP_SECRET, X_ACCESS_TOKEN and X_ACCESS_SECRET (regenerated keys invalidate the old ones)';
    case 402:
      return 'the account has no credits or plan for this endpoint: add credits or change the plan in the X developer console';
    case 403:
      return /direct message|dm/i.test(`${report.detail ?? ''} ${report.title ?? ''}`)
        ? 'give the app "Read and write and Direct message" permission, then regenerate the access token and secret'
        : 'check the app\'s permissions ("Read and write and Direct message") and that the access token belongs to X_ACCOUNT_ID';
    default:
      return undefined;
  }
}

function finish(report: Omit<XProblemReport, 'text'>): XProblemReport {
  const words = [report.title, report.detail].filter((part, index, all) => part && all.indexOf(part) === index).join(': ');
  const tags = [report.type && report.type !== 'about:blank' ? report.type : undefined, report.reason && `reason ${report.reason}`, report.period && `period ${report.period}`, report.scope && `scope ${report.scope}`].filter(Boolean);
  const line = `${report.status === null ? 'X unreachable' : `X ${report.status}`}${words ? ` ${words}` : ''}${tags.length ? ` (${tags.join(', ')})` : ''}${report.fix ? ` — fix: ${report.fix}` : ''}`;
  const clean = Object.fromEntries(Object.entries(report).filter(([, value]) => value !== undefined)) as Omit<XProblemReport, 'text'>;
  return { ...clean, text: line.length > 500 ? `${line.slice(0, 499)}…` : line };
}

/** When a usage cap of this period lifts: the next UTC day or month (X resets caps on the billing period; this is the earliest it can). */
function usagePeriodEnd(period: string | undefined, now: number): number {
  const date = new Date(now);
  if (period === 'Monthly') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
}

function firstErrorMessage(errors: unknown): string | undefined {
  if (!Array.isArray(errors)) return undefined;
  const first = errors[0] as { message?: unknown; detail?: unknown } | undefined;
  return text(first?.message) ?? text(first?.detail);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
