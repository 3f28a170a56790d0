import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from '../../server/simulator/x/csv.js';
import { defaultCorpusDir } from '../../server/simulator/x/corpus.js';

describe('parseCsv (RFC 4180)', () => {
  it('splits plain fields and rows, ignoring one trailing newline', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
  });

  it('keeps commas, doubled quotes and newlines inside quoted fields', () => {
    expect(parseCsv('id,text\n1,"Hi, ""there""\nsecond line"\n')).toEqual([['id', 'text'], ['1', 'Hi, "there"\nsecond line']]);
  });

  it('accepts CRLF line ends, a BOM and a last row without newline', () => {
    expect(parseCsv('\ufeffa,b\r\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,c,\n')).toEqual([['a', '', 'c', '']]);
    expect(parseCsv('"",x\n')).toEqual([['', 'x']]);
  });

  it('refuses a file that ends inside quotes', () => {
    expect(() => parseCsv('a,"unterminated\n')).toThrow(/inside a quoted field/);
  });

  it('refuses records whose width differs from the header', () => {
    expect(() => parseCsvRecords('a,b\n1,2,3\n')).toThrow(/row 2 has 3 fields/);
  });

  it('reads the real care corpus: 200 posts with their intents', () => {
    const records = parseCsvRecords(readFileSync(`${defaultCorpusDir()}/care-tweets-intents.csv`, 'utf8'));
    expect(records).toHaveLength(200);
    expect(records[0]).toMatchObject({ id: '1', customer_text: 'Where is my order?', gold_intent: 'delivery_or_delay' });
    expect(records.some((record) => record.customer_text?.includes('"'))).toBe(true);
  });

  it('reads the twcs sample with its thread columns', () => {
    const records = parseCsvRecords(readFileSync(`${defaultCorpusDir()}/twcs-sample.csv`, 'utf8'));
    expect(records.length).toBeGreaterThan(90);
    expect(Object.keys(records[0] ?? {})).toEqual(['tweet_id', 'author_id', 'inbound', 'created_at', 'text', 'response_tweet_id', 'in_response_to_tweet_id']);
  });
});
