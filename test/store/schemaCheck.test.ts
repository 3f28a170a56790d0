/**
 * The compiled schema check only ever vouches for what mongoose accepts, and
 * builds the very record mongoose builds: documents generated from each
 * collection's schema (valid values, wrong types, nulls, empty strings and
 * objects, unknown keys, non-finite numbers) go through both.
 */
import fc from 'fast-check';
import type { Schema, SchemaType } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { COLLECTION_SCHEMAS } from '../../server/store/collections.js';
import { toMessageDocument } from '../../server/store/index.js';
import { compileSchemaCheck } from '../../server/store/schemaCheck.js';
import { validationModel, validateWithMongoose } from '../../server/store/validate.js';

const NOW = new Date('2026-11-20T15:00:00Z');

beforeAll(() => {
  // Defaults such as `() => new Date()` must give both sides the same instant.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterAll(() => {
  vi.useRealTimers();
});

interface PathView {
  instance: string;
  enumValues?: unknown[];
  options: { enum?: unknown };
  schema?: Schema;
  embeddedSchemaType?: SchemaType;
  $isSingleNested?: boolean;
  $isMongooseDocumentArray?: boolean;
}

const oddValue = fc.constantFrom<unknown>(null, undefined, '', '5', 5, -1, 0, Infinity, Number.NaN, true, 'not-a-date', new Date(Number.NaN), {}, [], ['x'], [null]);
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 4 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom<unknown>(undefined, Infinity, new Date(Date.UTC(2026, 0, 1))),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', '$x', 'c.d', '__proto__'), tie('value'), { maxKeys: 3 }),
  ),
})).value;
const mixedValue = fc.oneof({ arbitrary: fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { minKeys: 1, maxKeys: 3 }), weight: 3 }, anyValue);

/** Well-typed values for one path (so the check often vouches); nested documents may carry odd values of their own. */
function valueFor(type: SchemaType): fc.Arbitrary<unknown> {
  const path = type as unknown as PathView;
  const enumValues = path.enumValues?.length ? path.enumValues : Array.isArray(path.options.enum) ? path.options.enum : undefined;
  if (enumValues) return fc.constantFrom(...enumValues);
  if (path.$isSingleNested && path.schema) return documentFor(path.schema);
  if (path.$isMongooseDocumentArray && path.schema) return fc.array(documentFor(path.schema), { maxLength: 3 });
  if (path.instance === 'Array' && path.embeddedSchemaType) return fc.array(fc.oneof({ arbitrary: valueFor(path.embeddedSchemaType), weight: 6 }, oddValue), { maxLength: 3 });
  if (path.instance === 'String') return fc.oneof({ arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,6}$/), weight: 9 }, fc.string({ maxLength: 3 }));
  if (path.instance === 'Number') return fc.oneof({ arbitrary: fc.integer({ min: 1, max: 5 }), weight: 9 }, fc.double({ noNaN: true }));
  if (path.instance === 'Boolean') return fc.boolean();
  if (path.instance === 'Date') return fc.date({ min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true });
  return mixedValue;
}

/**
 * A document of a schema: every path well-typed or undefined (given, or left
 * out), then sometimes odd values on up to two paths and an unknown key;
 * nested documents get odd values less often, so whole documents often pass.
 */
function documentFor(schema: Schema, top = false): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(schema.paths);
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of names) {
    // An absent _id gets a random default: always give one, to compare records whole.
    fields[name] = name === '_id' && top ? fc.stringMatching(/^[0-9a-f]{24}$/) : fc.oneof({ arbitrary: valueFor(schema.paths[name]!), weight: 19 }, fc.constant(undefined));
  }
  const oddNames = names.filter((name) => !(top && name === '_id'));
  const odd = fc.oneof({ arbitrary: fc.constant([]), weight: top ? 7 : 17 }, fc.array(fc.tuple(fc.constantFrom(...oddNames), oddValue), { minLength: 1, maxLength: 2 }));
  const extra = fc.oneof({ arbitrary: fc.constant(null), weight: top ? 15 : 40 }, fc.constantFrom('unknown', '$set', 'a.b'));
  return fc.tuple(fc.record(fields), odd, extra, fc.boolean()).map(([document, oddPairs, extraKey, leaveOutUndefined]) => {
    const result: Record<string, unknown> = { ...document, ...Object.fromEntries(oddPairs) };
    if (leaveOutUndefined) for (const [key, value] of Object.entries(result)) if (value === undefined) delete result[key];
    if (extraKey) result[extraKey] = 1;
    return result;
  });
}

describe('compiled schema checks', () => {
  for (const [name, schema] of Object.entries(COLLECTION_SCHEMAS)) {
    it(`${name}: whatever the check vouches for, mongoose accepts as the same record`, async () => {
      const model = validationModel(name, schema);
      const check = compileSchemaCheck(schema);
      if (!check) return; // this schema is always validated by mongoose
      let vouched = 0;
      await fc.assert(
        fc.asyncProperty(documentFor(schema, true), async (raw) => {
          const record = check(raw);
          if (!record) return;
          vouched++;
          await expect(validateWithMongoose(name, model, raw)).resolves.toStrictEqual(record);
        }),
        { numRuns: 500 },
      );
      // The property above is only worth something if the check vouches often.
      expect(vouched).toBeGreaterThan(20);
    });
  }

  it('vouches for what ingestion writes: messages, cases and events', () => {
    const message = toMessageDocument(
      { id: 'x:1', platform: 'x', channel: 'dm', text: 'hi', createdAt: NOW.toISOString(), author: { id: '7', handle: 'jane', followers: 3 }, threadId: '1', lang: 'en' },
      { caseId: 'c1', receivedAt: NOW, decision: { ruleId: null, ruleSetVersion: 1, tier: 1, team: 'care', priority: 'normal', tags: [] } },
    );
    const kase = { _id: 'c1', tier: 1, team: 'care', status: 'new', priority: 'normal', tags: ['billing'], assignee: null, channel: 'dm', platform: 'x', threadId: '1', customer: { id: '7', handle: 'jane' }, routing: { ruleId: null, ruleSetVersion: 1 }, slaDueAt: NOW, messageCount: 1, lastActivityAt: NOW, createdAt: NOW, updatedAt: NOW };
    const event = { caseId: 'c1', seq: 1, type: 'created', at: NOW, actor: { kind: 'system', id: 'ingest' }, data: { messageId: 'x:1', tier: 1, team: 'care', ruleId: null } };
    expect(compileSchemaCheck(COLLECTION_SCHEMAS.messages)!(message as unknown as Record<string, unknown>)).toMatchObject({ externalId: '1', attachments: [], _rev: 0 });
    expect(compileSchemaCheck(COLLECTION_SCHEMAS.cases)!(kase)).toMatchObject({ status: 'new', version: 1, _rev: 0 });
    expect(compileSchemaCheck(COLLECTION_SCHEMAS.caseEvents)!(event)).toMatchObject({ seq: 1, data: event.data });
  });

  it('leaves to mongoose what only mongoose can judge or word', () => {
    const check = compileSchemaCheck(COLLECTION_SCHEMAS.cases)!;
    const valid = { _id: 'c1', tier: 1, team: 'care', channel: 'dm', platform: 'x', threadId: '1', customer: { id: '7' }, routing: { ruleSetVersion: 1 } };
    expect(check(valid)).toBeDefined();
    expect(check({ ...valid, team: '' })).toBeUndefined(); // required: an empty string is missing
    expect(check({ ...valid, tier: '1' })).toBeUndefined(); // a cast
    expect(check({ ...valid, tier: 7 })).toBeUndefined(); // not in the enum
    expect(check({ ...valid, tags: [''] })).toBeUndefined(); // an element's minlength
    expect(check({ ...valid, customer: { id: '7', extra: 1 } })).toBeUndefined(); // strict sub-document
    expect(check({ ...valid, surprise: undefined })).toBeUndefined(); // unknown key
    // Setters (lowercase, trim) are mongoose's to apply.
    expect(compileSchemaCheck(COLLECTION_SCHEMAS.users)).toBeNull();
  });
});
