/**
 * The reply box's counter counts as the server does: X's own weighting
 * (twitter-text's parseTweet: NFC; every link, bare domains included, 23; an
 * emoji 2 whatever its code points; CJK 2) and its 280 limit for a public
 * reply. The server's file imports only twitter-text, which the browser build
 * has, so it is imported as a value and the two cannot disagree.
 */
export { X_PUBLIC_MAX_LENGTH as X_MAX_LENGTH, xWeightedLength as xLength } from '../../../../server/replies/xLength.js';
