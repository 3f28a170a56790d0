import { ApiResponseError } from 'twitter-api-v2';
import type { RetryCounters } from './retry.js';
import type { XApi } from './xApi.js';
import { describeXError } from './xErrors.js';

/** What the start-up check found: the account is the configured one; DMs can (or cannot) be read and sent. */
export interface AccountCheck {
  /** The check could not be made (X unreachable, a 5xx): the connector goes on and checks again later. */
  unchecked?: string;
  /** Null when the credentials belong to the configured account; else what is wrong, in words for operators. */
  accountProblem: string | null;
  /** Null when the app may read and send DMs; else what to change. */
  dmProblem: string | null;
  username?: string;
}

/**
 * At start-up: GET /2/users/me must be X_ACCOUNT_ID (else the connector
 * would read another account's mentions and post as it), and the access
 * level X reports (x-access-level) must include direct messages.
 */
export async function checkAccount(api: XApi, accountId: string, counters: RetryCounters): Promise<AccountCheck> {
  let me: Awaited<ReturnType<XApi['me']>>;
  try {
    me = await api.me(counters);
  } catch (error) {
    const text = `GET /2/users/me failed: ${describeXError(error).text}`;
    // X refused the credentials: nothing else would work either. Anything else says nothing about them.
    if (error instanceof ApiResponseError && [401, 402, 403].includes(error.code)) return { accountProblem: text, dmProblem: null };
    return { accountProblem: null, dmProblem: null, unchecked: text };
  }
  const accountProblem = me.user.id === accountId
    ? null
    : `the X credentials belong to @${me.user.username ?? '?'} (id ${me.user.id}), not to X_ACCOUNT_ID ${accountId}: set X_ACCOUNT_ID to ${me.user.id} or use that account's access token`;
  const dmProblem = me.accessLevel === undefined || me.accessLevel.includes('directmessages')
    ? null
    : `the app's access level is "${me.accessLevel}": DMs cannot be read or sent. Give the app "Read and write and Direct message" permission in the X developer console, then regenerate the access token and secret`;
  return { accountProblem, dmProblem, ...(me.user.username ? { username: me.user.username } : {}) };
}
