import twitterText from 'twitter-text';

/** The most a public reply on X may weigh. */
export const X_MAX_LENGTH = 280;

/**
 * A text's length as X counts it for the 280 limit: twitter-text's
 * parseTweet, the count the server enforces too (NFC; every link, bare
 * domains included, 23; an emoji 2 whatever its code points; CJK 2).
 */
export function xLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}
