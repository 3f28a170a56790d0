import { describe, expect, it } from 'vitest';
import { recordFromJson, recordToJson } from '../../server/store/embedded/recordJson.js';

describe('a record as its row\'s JSON text', () => {
  it('writes dates as {"$date": ms} at any depth, leaves undefined fields out, and reads the same record back', () => {
    const at = new Date(Date.UTC(2026, 11, 3, 18, 0, 0, 123));
    const record = { _id: 'a', at, none: undefined, list: [at, { when: at }], nested: { deeper: { at } }, nothing: null };
    const text = recordToJson(record);
    expect(JSON.parse(text)).toEqual({ _id: 'a', at: { $date: at.getTime() }, list: [{ $date: at.getTime() }, { when: { $date: at.getTime() } }], nested: { deeper: { at: { $date: at.getTime() } } }, nothing: null });
    const back = recordFromJson(text);
    expect(back).toEqual({ _id: 'a', at, list: [at, { when: at }], nested: { deeper: { at } }, nothing: null });
    expect(back.at).toBeInstanceOf(Date);
  });

  it('keeps a field named __proto__ as a field', () => {
    const record = JSON.parse('{"_id":"a","data":{"__proto__":{"x":1}}}') as { _id: string; data: unknown };
    const back = recordFromJson(recordToJson(record));
    expect(Object.keys(back.data as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('leaves dates writing themselves as ISO strings everywhere else, also after a record that cannot be written', () => {
    const at = new Date(Date.UTC(2026, 0, 1));
    expect(() => recordToJson({ _id: 'a', at, count: 1n } as unknown as Record<string, unknown> & { _id: string })).toThrow(TypeError);
    expect(JSON.stringify({ at })).toBe('{"at":"2026-01-01T00:00:00.000Z"}');
    recordToJson({ _id: 'b', at });
    expect(JSON.stringify({ at })).toBe('{"at":"2026-01-01T00:00:00.000Z"}');
  });
});
