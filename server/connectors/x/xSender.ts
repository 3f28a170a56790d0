import { ApiResponseError } from 'twitter-api-v2';
import { OutcomeUnknownError, WindowWaitError, type OutgoingReply, type SendResult } from '../connector.js';
import { findPostedReply, findSentDm } from './reconcile.js';
import { outcomeUnknown, type RetryCounters } from './retry.js';
import type { XApi } from './xApi.js';
import { describeXError, hardBackoffMs, isUsageCapped } from './xErrors.js';

// Shorter waits are simply waited out in the endpoint's queue.
const MIN_WAIT_TO_REPORT_MS = 5_000;

/**
 * Sends replies and DMs at most once. A write whose answer was lost (a
 * timeout, a dropped connection, a 5xx) is never sent again blindly: it is
 * looked up among what the account posted (public replies: the brand's
 * recent posts by in_reply_to and text; DMs: the conversation's events).
 * Found, it counts as sent; not found, its outcome stays unknown and the
 * outbox looks again before its next attempt.
 */
export class XSender {
  constructor(private readonly api: XApi, private readonly accountId: string, private readonly counters: RetryCounters) {}

  async send(reply: OutgoingReply): Promise<SendResult> {
    if (reply.unknownAttemptAt) {
      const since = reply.unknownAttemptAt;
      const found = await this.lookUp(reply, since).catch((error: unknown) => {
        throw new OutcomeUnknownError(`could not look up the earlier attempt, so it is not sent again yet (${describeXError(error).text})`, since);
      });
      if (found) return { externalId: found, settledBy: 'found' };
    }
    await this.refuseWhileSpent(reply);
    const attemptAt = new Date();
    try {
      return { externalId: await this.post(reply), settledBy: 'sent' };
    } catch (error) {
      if (reply.unknownAttemptAt && isDuplicateContent(error)) {
        // X refuses the same text twice: after an attempt whose answer was lost, that refusal says the first one went out.
        const found = await this.lookUp(reply, reply.unknownAttemptAt).catch(() => undefined);
        return found ? { externalId: found, settledBy: 'found' } : { externalId: null, probablySent: `X refused it as a duplicate of the earlier attempt (${describeXError(error).text})` };
      }
      if (isUsageCapped(error)) throw this.capped(reply, error);
      if (!outcomeUnknown(error)) throw error;
      const found = await this.lookUp(reply, attemptAt).catch(() => undefined);
      if (found) return { externalId: found, settledBy: 'found' };
      throw new OutcomeUnknownError(`no answer from X, and the ${reply.channel === 'dm' ? 'DM' : 'reply'} is not among the account's own yet (${describeXError(error).text})`, reply.unknownAttemptAt ?? attemptAt);
    }
  }

  /** A send that would only wait for a spent window is handed back with the time it opens, so the outbox says why it waits and frees its lane. */
  private async refuseWhileSpent(reply: OutgoingReply): Promise<void> {
    const until = await this.api.spentUntil(endpointOf(reply));
    if (!until || until.getTime() - Date.now() < MIN_WAIT_TO_REPORT_MS) return;
    const what = reply.channel === 'dm' ? 'DM' : 'post';
    throw new WindowWaitError(`waiting for X's ${what} window, which opens again at ${until.toISOString()}`, until);
  }

  /** X refused the write for a spent usage cap (it did nothing): the endpoint is left alone, and the reply waits, until the cap's period ends. */
  private capped(reply: OutgoingReply, error: unknown): WindowWaitError {
    // One clock reading: the period's end, not that end shifted by the time between two readings.
    const now = Date.now();
    const until = new Date(now + (hardBackoffMs(error, now) ?? 0));
    this.api.shut(endpointOf(reply), until);
    return new WindowWaitError(`waiting for X's usage cap on ${reply.channel === 'dm' ? 'DMs' : 'posts'}, which lifts at ${until.toISOString()}: ${describeXError(error).text}`, until);
  }

  private async post(reply: OutgoingReply): Promise<string> {
    if (reply.channel === 'public') {
      if (!reply.inReplyTo) throw new Error('a public reply needs the id of the post it answers');
      const body = await this.api.post<{ data: { id: string } }>('postTweet', 'tweets', { text: reply.text, reply: { in_reply_to_tweet_id: reply.inReplyTo } }, this.counters);
      return body.data.id;
    }
    if (!reply.recipientId) throw new Error('a DM needs the recipient user id');
    const body = await this.api.post<{ data: { dm_event_id: string } }>('postDm', `dm_conversations/with/${reply.recipientId}/messages`, { text: reply.text }, this.counters);
    return body.data.dm_event_id;
  }

  /** The id of the reply or DM if the account already posted it since `since`. */
  private lookUp(reply: OutgoingReply, since: Date): Promise<string | undefined> {
    if (reply.channel === 'public') {
      return reply.inReplyTo ? findPostedReply(this.api, this.accountId, { inReplyTo: reply.inReplyTo, text: reply.text }, since, this.counters) : Promise.resolve(undefined);
    }
    return reply.recipientId ? findSentDm(this.api, this.accountId, { recipientId: reply.recipientId, text: reply.text }, since, this.counters) : Promise.resolve(undefined);
  }
}

function endpointOf(reply: OutgoingReply): 'postDm' | 'postTweet' {
  return reply.channel === 'dm' ? 'postDm' : 'postTweet';
}

/** X's 403 for a post whose text equals one the account posted lately. */
export function isDuplicateContent(error: unknown): boolean {
  return error instanceof ApiResponseError && error.code === 403 && /duplicate/i.test(JSON.stringify(error.data ?? {}));
}
