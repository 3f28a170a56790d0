import { describe, expect, it } from 'vitest';
import { splitLinks } from '../../client/src/ui/splitLinks.js';

describe('splitLinks (links in messages are shown, not followed)', () => {
  it('marks links and keeps the rest as text, losing nothing', () => {
    const text = 'Look at https://evil.example/x?a=1. And www.acme.com, or <b>this</b>';
    const parts = splitLinks(text);
    expect(parts.filter((p) => p.link).map((p) => p.text)).toEqual(['https://evil.example/x?a=1', 'www.acme.com']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('gives plain text back as one part', () => {
    expect(splitLinks('no links here')).toEqual([{ text: 'no links here', link: false }]);
    expect(splitLinks('')).toEqual([]);
  });
});
