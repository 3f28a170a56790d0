import { describe, expect, it } from 'vitest';
import { SnowflakeIds, compareIds, oneToOneConversationId } from '../../server/simulator/x/ids.js';
import { decodePaginationToken, encodePaginationToken, newestFirstPage } from '../../server/simulator/x/paging.js';

const items = Array.from({ length: 12 }, (_, index) => ({ id: String(100 + index) }));

describe('snowflake ids', () => {
  it('grow strictly even when time stands still or goes back', () => {
    const ids = new SnowflakeIds();
    const made = [ids.next(1_700_000_000_000), ids.next(1_700_000_000_000), ids.next(1_600_000_000_000), ids.next(1_700_000_000_001)];
    for (let i = 1; i < made.length; i++) expect(compareIds(made[i] as string, made[i - 1] as string)).toBeGreaterThan(0);
    expect(made.every((id) => /^[0-9]{19}$/.test(id))).toBe(true);
  });

  it('compare numerically, not as text', () => {
    expect(compareIds('99', '100')).toBeLessThan(0);
    expect(compareIds('100', '100')).toBe(0);
  });

  it('name one-to-one DM conversations lower id first', () => {
    expect(oneToOneConversationId('1000000000000000001', '42')).toBe('42-1000000000000000001');
  });
});

describe('newestFirstPage', () => {
  it('pages newest first and stops offering a next page at the end', () => {
    const first = newestFirstPage(items, { maxResults: 5 });
    expect(first.items.map((item) => item.id)).toEqual(['111', '110', '109', '108', '107']);
    expect(first.nextBeforeId).toBe('107');
    const last = newestFirstPage(items, { maxResults: 5, beforeId: '102' });
    expect(last.items.map((item) => item.id)).toEqual(['101', '100']);
    expect(last.nextBeforeId).toBeUndefined();
  });

  it('honours since_id (exclusive) and until_id (exclusive)', () => {
    const page = newestFirstPage(items, { maxResults: 100, sinceId: '105', untilId: '109' });
    expect(page.items.map((item) => item.id)).toEqual(['108', '107', '106']);
  });

  it('offers no next page when since_id ends the range exactly at a page boundary', () => {
    const page = newestFirstPage(items, { maxResults: 3, sinceId: '108' });
    expect(page.items.map((item) => item.id)).toEqual(['111', '110', '109']);
    expect(page.nextBeforeId).toBeUndefined();
  });
});

describe('pagination tokens', () => {
  it('round-trip and are at least 16 characters (X base32 tokens)', () => {
    const token = encodePaginationToken('1846987139428634624');
    expect(token.length).toBeGreaterThanOrEqual(16);
    expect(decodePaginationToken(token)).toBe('1846987139428634624');
  });

  it('refuse tokens the simulator did not issue', () => {
    expect(decodePaginationToken('not-a-token')).toBeUndefined();
    expect(decodePaginationToken('zzzzzzzzzzzzzzzzzzzz')).toBeUndefined();
  });
});
