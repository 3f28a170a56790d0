import { describe, expect, it } from 'vitest';
import { presentMedia, webAddress } from '../../server/presenters/mediaLinks.js';

describe('customers\' attachments as media', () => {
  it('accepts only absolute http(s) addresses without credentials', () => {
    expect(webAddress('https://shop.example/a b')).toBe('https://shop.example/a%20b');
    expect(webAddress('http://shop.example/x')).toBe('http://shop.example/x');
    for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<script>', '//shop.example/x', '/x', 'ftp://shop.example/x', 'https://a:b@shop.example/', 42, null]) {
      expect(webAddress(bad), String(bad)).toBeNull();
    }
  });

  it('offers thumbnails only over https from X\'s media host, and keeps nothing but type, links and alt text', () => {
    expect(presentMedia([
      { type: 'photo', url: 'http://pbs.twimg.com/media/a.jpg' },
      { type: 'animated_gif', previewUrl: 'https://pbs.twimg.com.evil.example/a.jpg', url: 'https://x.example/a.gif' },
      { type: 'photo', url: 'https://pbs.twimg.com/media/b.jpg', alt_text: '  ', onclick: 'alert(1)' },
      'not an object',
    ])).toEqual([
      { type: 'photo', url: 'http://pbs.twimg.com/media/a.jpg', thumbnailUrl: null, altText: null },
      { type: 'animated_gif', url: 'https://x.example/a.gif', thumbnailUrl: null, altText: null },
      { type: 'photo', url: 'https://pbs.twimg.com/media/b.jpg', thumbnailUrl: 'https://pbs.twimg.com/media/b.jpg', altText: null },
    ]);
    expect(presentMedia(undefined)).toEqual([]);
  });
});
