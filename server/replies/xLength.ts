import twitterText from 'twitter-text';

/** The most a public reply may weigh, as X counts it. */
export const X_PUBLIC_MAX_LENGTH = 280;
/** The most characters a DM may have on X. */
export const X_DM_MAX_LENGTH = 10_000;

/**
 * A text's length as X counts it for the 280 limit: twitter-text's parseTweet
 * (X's own counting: NFC first, every link 23, an emoji 2 whatever its code
 * points, CJK and other heavy scripts 2 per character).
 */
export function xWeightedLength(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}
