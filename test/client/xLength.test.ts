import { describe, expect, it } from 'vitest';
import { xLength, X_MAX_LENGTH } from '../../client/src/inbox/case/xLength.js';

describe('xLength (the reply box counter: X\'s own weighting, as the server counts)', () => {
  it('counts Latin text one per character', () => {
    expect(xLength('')).toBe(0);
    expect(xLength('Hello @jane, sorry!')).toBe(19);
    expect(xLength('a'.repeat(X_MAX_LENGTH))).toBe(280);
  });

  it('counts every link as 23, however long, bare domains too, but not the full stop after one', () => {
    expect(xLength('see https://example.com/a/very/long/path?with=query&and=more')).toBe(4 + 23);
    expect(xLength('https://x.co')).toBe(23);
    expect(xLength('visit acme.com today')).toBe(6 + 23 + 6);
    expect(xLength('end https://t.co/abc.')).toBe(4 + 23 + 1);
  });

  it('counts CJK characters and emoji as two', () => {
    expect(xLength('日本語')).toBe(6);
    expect(xLength('👍')).toBe(2);
    // A family emoji is several code points joined: still one emoji.
    expect(xLength('👨‍👩‍👧')).toBe(2);
    expect(xLength('🇫🇷')).toBe(2);
  });

  it('normalizes to NFC first, so a decomposed accent counts once', () => {
    expect(xLength('e\u0301')).toBe(1);
  });
});
