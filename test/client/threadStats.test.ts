import { describe, expect, it } from 'vitest';
import type { MonitorThread } from '../../client/src/api/types.js';
import { keywordsOf, topKeywords, volumeByHour } from '../../client/src/monitor/threadStats.js';

function thread(...messages: Array<[string, string]>): MonitorThread {
  return {
    id: `t${messages.length}`, platform: 'x', threadId: '1', team: 'care', status: 'new', tags: [], createdAt: messages[0]![1], lastActivityAt: messages[messages.length - 1]![1],
    messages: messages.map(([text, createdAt], index) => ({ id: `m${index}`, createdAt, text, author: { handle: 'a', name: null }, lang: 'en' })),
  };
}

describe('monitor statistics', () => {
  it('keeps the words that say something, not handles, links, masks, numbers or stopwords', () => {
    expect(keywordsOf("@AcmeHelp my parcel's late again!! write to [email] https://t.co/x #fail order 123456")).toEqual(['parcel', 'late', 'write', 'order']);
  });

  it('ranks keywords across threads, most frequent first', () => {
    const threads = [thread(['app crashed again', '2026-01-01T10:05:00Z'], ['the app still crashed', '2026-01-01T10:40:00Z']), thread(['love the new app', '2026-01-01T12:00:00Z'])];
    expect(topKeywords(threads, 3)).toEqual([{ word: 'app', count: 3 }, { word: 'crashed', count: 2 }, { word: 'love', count: 1 }]);
  });

  it('counts messages per hour with the quiet hours in between', () => {
    const threads = [thread(['a b c', '2026-01-01T10:05:00Z'], ['d e f', '2026-01-01T10:40:00Z']), thread(['g h i', '2026-01-01T12:10:00Z'])];
    expect(volumeByHour(threads).map((row) => row.messages)).toEqual([2, 0, 1]);
    expect(volumeByHour([])).toEqual([]);
  });
});
