/**
 * Conditions of routing.md §3: every row of the field table and of the op table,
 * absent-field semantics, case-insensitivity, groups, and `within` across
 * daylight-saving changes. Each condition is evaluated through the public
 * router (a one-rule set), on both the fast path and the explained path.
 */
import { describe, it, expect } from 'vitest';
import type { Condition } from '../../server/routing/index.js';
import { holds, leaf, message } from './helpers.js';

type Row = [title: string, when: Condition, overrides: Record<string, unknown>, expected: boolean];

const author = (extra: Record<string, unknown>) => ({ author: { id: '42', ...extra } });
const customer = (extra: Record<string, unknown>) => ({ customer: extra });

function run(rows: Row[]) {
  it.each(rows)('%s', (_title, when, overrides, expected) => {
    expect(holds(when, message(overrides))).toBe(expected);
  });
}

describe('field table: each field, its type and what "absent" means', () => {
  describe('text (string, always present)', () => {
    run([
      ['text eq compares the whole text case-insensitively', leaf('text', 'eq', 'hello there'), { text: 'HELLO There' }, true],
      ['text eq is not a substring test', leaf('text', 'eq', 'hello'), { text: 'hello there' }, false],
      ['text eq "" on an empty text', leaf('text', 'eq', ''), { text: '' }, true],
      ['text neq', leaf('text', 'neq', 'hello'), { text: 'bye' }, true],
      ['text in', leaf('text', 'in', ['yes', 'HELLO']), { text: 'hello' }, true],
      ['text matches', leaf('text', 'matches', 'order \\d+'), { text: 'my order 123456' }, true],
      ['text containsAny', leaf('text', 'containsAny', ['refund']), { text: 'please refund' }, true],
      ['text containsAll', leaf('text', 'containsAll', ['refund', 'order']), { text: 'order: refund!' }, true],
    ]);
  });

  describe('channel, platform, lang, author.handle (strings; may be absent)', () => {
    run([
      ['channel eq dm', leaf('channel', 'eq', 'dm'), { channel: 'dm' }, true],
      ['channel eq dm on public', leaf('channel', 'eq', 'dm'), { channel: 'public' }, false],
      ['channel eq is case-insensitive', leaf('channel', 'eq', 'DM'), { channel: 'dm' }, true],
      ['platform eq is case-insensitive', leaf('platform', 'eq', 'X'), { platform: 'x' }, true],
      ['platform eq another platform', leaf('platform', 'eq', 'facebook'), { platform: 'x' }, false],
      ['lang eq present', leaf('lang', 'eq', 'en'), { lang: 'EN' }, true],
      ['lang eq absent is false', leaf('lang', 'eq', 'en'), {}, false],
      ['lang neq absent is true', leaf('lang', 'neq', 'en'), {}, true],
      ['lang neq same value is false', leaf('lang', 'neq', 'en'), { lang: 'en' }, false],
      ['lang in absent is false', leaf('lang', 'in', ['en', 'fr']), {}, false],
      ['lang matches absent is false', leaf('lang', 'matches', '.*'), {}, false],
      ['not (lang matches) absent is true', { not: leaf('lang', 'matches', '.*') }, {}, true],
      ['lang exists absent', leaf('lang', 'exists', true), {}, false],
      ['lang exists false absent', leaf('lang', 'exists', false), {}, true],
      ['lang exists present', leaf('lang', 'exists', true), { lang: 'en' }, true],
      ['author.handle eq', leaf('author.handle', 'eq', 'jane_doe'), author({ handle: 'jane_doe' }), true],
      ['author.handle eq is case-insensitive', leaf('author.handle', 'eq', 'Jane_Doe'), author({ handle: 'JANE_doe' }), true],
      ['author.handle eq ignores a leading @ in the value', leaf('author.handle', 'eq', '@jane_doe'), author({ handle: 'jane_doe' }), true],
      ['author.handle eq ignores a leading @ in the message', leaf('author.handle', 'eq', 'jane_doe'), author({ handle: '@Jane_Doe' }), true],
      ['author.handle eq with @ on both sides', leaf('author.handle', 'eq', '@jane_doe'), author({ handle: '@jane_doe' }), true],
      ['author.handle eq ignores only ONE leading @', leaf('author.handle', 'eq', 'jane_doe'), author({ handle: '@@jane_doe' }), false],
      ['author.handle eq does not ignore a trailing @', leaf('author.handle', 'eq', 'jane_doe'), author({ handle: 'jane_doe@' }), false],
      ['author.handle eq absent is false', leaf('author.handle', 'eq', 'jane_doe'), {}, false],
      ['author.handle neq absent is true', leaf('author.handle', 'neq', 'jane_doe'), {}, true],
      ['author.handle neq with @ difference only is false', leaf('author.handle', 'neq', '@jane_doe'), author({ handle: 'Jane_Doe' }), false],
      ['author.handle in ignores @ and case', leaf('author.handle', 'in', ['bob', '@JANE_DOE']), author({ handle: 'jane_doe' }), true],
      ['author.handle in absent is false', leaf('author.handle', 'in', ['bob']), {}, false],
      ['author.handle exists', leaf('author.handle', 'exists', true), author({ handle: 'x' }), true],
      ['author.handle exists absent', leaf('author.handle', 'exists', true), {}, false],
    ]);
  });

  describe('author.followers (number; may be absent)', () => {
    run([
      ['followers eq', leaf('author.followers', 'eq', 1200), author({ followers: 1200 }), true],
      ['followers eq other', leaf('author.followers', 'eq', 1200), author({ followers: 1201 }), false],
      ['followers neq', leaf('author.followers', 'neq', 1200), author({ followers: 1201 }), true],
      ['followers eq 0 with 0 followers', leaf('author.followers', 'eq', 0), author({ followers: 0 }), true],
      ['followers eq 0 absent is false', leaf('author.followers', 'eq', 0), {}, false],
      ['followers neq absent is true', leaf('author.followers', 'neq', 0), {}, true],
      ['followers gt absent is false', leaf('author.followers', 'gt', -1), {}, false],
      ['followers gte absent is false', leaf('author.followers', 'gte', 0), {}, false],
      ['followers lt absent is false', leaf('author.followers', 'lt', 1_000_000), {}, false],
      ['followers lte absent is false', leaf('author.followers', 'lte', 1_000_000), {}, false],
      ['followers between absent is false', leaf('author.followers', 'between', [0, 1_000_000]), {}, false],
      ['not (followers lt) absent is true', { not: leaf('author.followers', 'lt', 10) }, {}, true],
      ['followers exists absent', leaf('author.followers', 'exists', true), {}, false],
      ['followers exists with 0', leaf('author.followers', 'exists', true), author({ followers: 0 }), true],
    ]);
  });

  describe('author.verified, customer.vip (booleans; absent means false)', () => {
    run([
      ['verified eq true', leaf('author.verified', 'eq', true), author({ verified: true }), true],
      ['verified eq true when false', leaf('author.verified', 'eq', true), author({ verified: false }), false],
      ['verified eq false when false', leaf('author.verified', 'eq', false), author({ verified: false }), true],
      ['verified eq true absent is false', leaf('author.verified', 'eq', true), {}, false],
      ['verified eq false absent is true (absent means false)', leaf('author.verified', 'eq', false), {}, true],
      ['verified neq true absent is true', leaf('author.verified', 'neq', true), {}, true],
      ['verified neq false absent is false', leaf('author.verified', 'neq', false), {}, false],
      ['verified exists false-valued property', leaf('author.verified', 'exists', true), author({ verified: false }), true],
      ['verified exists absent', leaf('author.verified', 'exists', true), {}, false],
      ['vip eq true', leaf('customer.vip', 'eq', true), customer({ vip: true }), true],
      ['vip eq true without customer', leaf('customer.vip', 'eq', true), {}, false],
      ['vip eq false without customer', leaf('customer.vip', 'eq', false), {}, true],
      ['vip eq false with customer but no vip', leaf('customer.vip', 'eq', false), customer({ tags: ['gold'] }), true],
      ['vip neq false with vip true', leaf('customer.vip', 'neq', false), customer({ vip: true }), true],
      ['vip exists', leaf('customer.vip', 'exists', true), customer({ vip: false }), true],
      ['vip exists without customer', leaf('customer.vip', 'exists', false), {}, true],
    ]);
  });

  describe('customer.tags, detected (arrays of strings; absent means [])', () => {
    run([
      ['tags containsAny', leaf('customer.tags', 'containsAny', ['gold', 'silver']), customer({ tags: ['silver'] }), true],
      ['tags containsAny none', leaf('customer.tags', 'containsAny', ['gold']), customer({ tags: ['silver'] }), false],
      ['tags containsAny is case-insensitive', leaf('customer.tags', 'containsAny', ['GOLD']), customer({ tags: ['Gold'] }), true],
      ['tags containsAny compares after NFKC', leaf('customer.tags', 'containsAny', ['ＧＯＬＤ']), customer({ tags: ['gold'] }), true],
      ['tags containsAny is element equality, not substring', leaf('customer.tags', 'containsAny', ['gold']), customer({ tags: ['golden'] }), false],
      ['tags containsAny absent tags is false', leaf('customer.tags', 'containsAny', ['gold']), customer({ vip: true }), false],
      ['tags containsAny without customer is false', leaf('customer.tags', 'containsAny', ['gold']), {}, false],
      ['tags containsAll', leaf('customer.tags', 'containsAll', ['gold', 'VIP']), customer({ tags: ['vip', 'gold', 'x'] }), true],
      ['tags containsAll with one missing', leaf('customer.tags', 'containsAll', ['gold', 'vip']), customer({ tags: ['gold'] }), false],
      ['tags containsAll absent is false', leaf('customer.tags', 'containsAll', ['gold']), {}, false],
      ['not (tags containsAny) absent is true', { not: leaf('customer.tags', 'containsAny', ['gold']) }, {}, true],
      ['tags exists with an empty array', leaf('customer.tags', 'exists', true), customer({ tags: [] }), true],
      ['tags exists absent', leaf('customer.tags', 'exists', true), {}, false],
      ['detected containsAny email', leaf('detected', 'containsAny', ['email']), { text: 'write to jane@example.com' }, true],
      ['detected containsAny card', leaf('detected', 'containsAny', ['card', 'phone']), { text: 'card 4111 1111 1111 1111' }, true],
      ['detected containsAny nothing detected', leaf('detected', 'containsAny', ['email', 'phone', 'card']), { text: 'hello' }, false],
      ['detected containsAll email and card', leaf('detected', 'containsAll', ['email', 'card']), { text: 'jane@example.com 4111111111111111' }, true],
      ['detected containsAll with one missing', leaf('detected', 'containsAll', ['email', 'card']), { text: 'jane@example.com' }, false],
      ['detected exists when a detector fires', leaf('detected', 'exists', true), { text: 'call 212-555-0123' }, true],
      ['detected exists when none fires', leaf('detected', 'exists', true), { text: 'hello' }, false],
      ['detected exists false when none fires', leaf('detected', 'exists', false), { text: 'hello' }, true],
      ['detected exists false when one fires', leaf('detected', 'exists', false), { text: 'jane@example.com' }, false],
    ]);
  });

  describe('attachments.count (number; absent means 0)', () => {
    run([
      ['count eq 0 without attachments', leaf('attachments.count', 'eq', 0), {}, true],
      ['count lt 1 without attachments', leaf('attachments.count', 'lt', 1), {}, true],
      ['count gt 0 without attachments', leaf('attachments.count', 'gt', 0), {}, false],
      ['count between [0, 0] without attachments', leaf('attachments.count', 'between', [0, 0]), {}, true],
      ['count eq 0 with an empty array', leaf('attachments.count', 'eq', 0), { attachments: [] }, true],
      ['count eq 2', leaf('attachments.count', 'eq', 2), { attachments: [{ type: 'photo' }, { type: 'video' }] }, true],
      ['count gte 2 with one', leaf('attachments.count', 'gte', 2), { attachments: [{ type: 'photo' }] }, false],
      ['count neq 0 without attachments', leaf('attachments.count', 'neq', 0), {}, false],
      ['count exists without attachments', leaf('attachments.count', 'exists', true), {}, false],
      ['count exists with an empty array', leaf('attachments.count', 'exists', true), { attachments: [] }, true],
    ]);
  });

  describe('createdAt (instant, always present)', () => {
    const weekdaysNineToFive = leaf('createdAt', 'within', {
      tz: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00',
    });
    run([
      // 2026-11-20 is a Friday.
      ['within on a Friday afternoon', weekdaysNineToFive, { createdAt: '2026-11-20T14:03:00Z' }, true],
      ['within in the evening', weekdaysNineToFive, { createdAt: '2026-11-20T18:00:00Z' }, false],
      ['within on a Saturday', weekdaysNineToFive, { createdAt: '2026-11-21T14:03:00Z' }, false],
      ['within reads an offset in createdAt', weekdaysNineToFive, { createdAt: '2026-11-20T18:30:00+02:00' }, true],
      ['within reads a negative offset', weekdaysNineToFive, { createdAt: '2026-11-20T12:30:00-05:00' }, false],
    ]);
  });
});

describe('op table: each operator on each allowed field type', () => {
  describe('eq / neq on string, number, boolean (neq is exactly not eq)', () => {
    const cases: Array<[string, Condition, Record<string, unknown>, boolean]> = [
      ['string', leaf('channel', 'eq', 'public'), {}, true],
      ['string, different', leaf('channel', 'eq', 'dm'), {}, false],
      ['string, case', leaf('platform', 'eq', 'X'), {}, true],
      ['string, NFKC', leaf('lang', 'eq', 'ＥＮ'), { lang: 'en' }, true],
      ['string, absent', leaf('lang', 'eq', 'en'), {}, false],
      ['number', leaf('author.followers', 'eq', 10), author({ followers: 10 }), true],
      ['number, different', leaf('author.followers', 'eq', 10), author({ followers: 11 }), false],
      ['number, absent', leaf('author.followers', 'eq', 10), {}, false],
      ['number, fractional', leaf('author.followers', 'eq', 2.5), author({ followers: 2.5 }), true],
      ['boolean', leaf('customer.vip', 'eq', true), customer({ vip: true }), true],
      ['boolean, different', leaf('customer.vip', 'eq', true), customer({ vip: false }), false],
      ['boolean, absent', leaf('customer.vip', 'eq', true), {}, false],
    ];
    it.each(cases)('eq %s', (_t, when, overrides, expected) => {
      expect(holds(when, message(overrides))).toBe(expected);
    });
    it.each(cases)('neq %s is the negation of eq', (_t, when, overrides, expected) => {
      const neq = { ...(when as Record<string, unknown>), op: 'neq' } as Condition;
      expect(holds(neq, message(overrides))).toBe(!expected);
    });
  });

  describe('in (string; non-empty list; case-insensitive)', () => {
    run([
      ['in, one of them', leaf('channel', 'in', ['dm', 'public']), {}, true],
      ['in, none of them', leaf('platform', 'in', ['facebook', 'instagram']), {}, false],
      ['in, case-insensitive', leaf('platform', 'in', ['FACEBOOK', 'X']), {}, true],
      ['in, NFKC', leaf('lang', 'in', ['ｆｒ']), { lang: 'FR' }, true],
      ['in, single element', leaf('lang', 'in', ['fr']), { lang: 'en' }, false],
      ['in is equality, not substring', leaf('platform', 'in', ['xx']), {}, false],
    ]);
  });

  describe('gt, gte, lt, lte (numbers; boundaries)', () => {
    const rows: Row[] = [];
    const expectations: Record<string, [boolean, boolean, boolean]> = {
      // followers 999, 1000, 1001 against 1000
      gt: [false, false, true],
      gte: [false, true, true],
      lt: [true, false, false],
      lte: [true, true, false],
    };
    for (const [op, results] of Object.entries(expectations)) {
      [999, 1000, 1001].forEach((n, i) => {
        rows.push([`followers ${n} ${op} 1000`, leaf('author.followers', op, 1000), author({ followers: n }), results[i]!]);
      });
    }
    rows.push(['attachments.count 3 gt 2', leaf('attachments.count', 'gt', 2), { attachments: [{}, {}, {}] }, true]);
    rows.push(['attachments.count 2 lte 1', leaf('attachments.count', 'lte', 1), { attachments: [{}, {}] }, false]);
    rows.push(['followers 0 lt 0.5', leaf('author.followers', 'lt', 0.5), author({ followers: 0 }), true]);
    run(rows);
  });

  describe('between (inclusive bounds)', () => {
    run([
      ['9 between [10, 20]', leaf('author.followers', 'between', [10, 20]), author({ followers: 9 }), false],
      ['10 between [10, 20] (lower bound included)', leaf('author.followers', 'between', [10, 20]), author({ followers: 10 }), true],
      ['15 between [10, 20]', leaf('author.followers', 'between', [10, 20]), author({ followers: 15 }), true],
      ['20 between [10, 20] (upper bound included)', leaf('author.followers', 'between', [10, 20]), author({ followers: 20 }), true],
      ['21 between [10, 20]', leaf('author.followers', 'between', [10, 20]), author({ followers: 21 }), false],
      ['5 between [5, 5]', leaf('author.followers', 'between', [5, 5]), author({ followers: 5 }), true],
      ['count 1 between [1, 2]', leaf('attachments.count', 'between', [1, 2]), { attachments: [{}] }, true],
      ['count 0 between [1, 2]', leaf('attachments.count', 'between', [1, 2]), {}, false],
    ]);
  });

  describe('exists (any field except text and createdAt; presence equals value)', () => {
    run([
      ['channel exists (always present)', leaf('channel', 'exists', true), {}, true],
      ['platform exists false', leaf('platform', 'exists', false), {}, false],
      ['lang exists', leaf('lang', 'exists', true), { lang: 'de' }, true],
      ['lang exists false when present', leaf('lang', 'exists', false), { lang: 'de' }, false],
      ['author.handle exists false when absent', leaf('author.handle', 'exists', false), {}, true],
      ['author.followers exists', leaf('author.followers', 'exists', true), author({ followers: 3 }), true],
      ['author.verified exists false when absent', leaf('author.verified', 'exists', false), {}, true],
      ['customer.vip exists', leaf('customer.vip', 'exists', true), customer({ vip: true }), true],
      ['customer.tags exists', leaf('customer.tags', 'exists', true), customer({ tags: ['a'] }), true],
      ['detected exists (e-mail)', leaf('detected', 'exists', true), { text: 'jane@example.com' }, true],
      ['attachments.count exists', leaf('attachments.count', 'exists', true), { attachments: [{ type: 'photo' }] }, true],
      ['attachments.count exists false without attachments', leaf('attachments.count', 'exists', false), {}, true],
    ]);
  });

  describe('containsAny / containsAll on text (keywords and phrases)', () => {
    run([
      ['containsAny one keyword occurs', leaf('text', 'containsAny', ['refund', 'invoice']), { text: 'Where is my INVOICE?' }, true],
      ['containsAny no keyword occurs', leaf('text', 'containsAny', ['refund', 'invoice']), { text: 'hello' }, false],
      ['containsAny matches a hashtag', leaf('text', 'containsAny', ['refund']), { text: '#Refund!' }, true],
      ['containsAny does not match a longer word', leaf('text', 'containsAny', ['refund']), { text: 'I was refunded' }, false],
      ['containsAny phrase with extra spaces and case', leaf('text', 'containsAny', ['charged twice']), { text: 'charged  TWICE' }, true],
      ['containsAny phrase not contiguous', leaf('text', 'containsAny', ['charged twice']), { text: 'charged me twice' }, false],
      ['containsAll every keyword occurs', leaf('text', 'containsAll', ['refund', 'charged twice']), { text: 'Charged twice. Refund please' }, true],
      ['containsAll one missing', leaf('text', 'containsAll', ['refund', 'charged twice']), { text: 'refund please' }, false],
      ['containsAny on empty text', leaf('text', 'containsAny', ['refund']), { text: '' }, false],
    ]);
  });

  describe('matches (string fields; JavaScript RegExp; flags i, m, s, u)', () => {
    run([
      ['matches finds a match anywhere', leaf('text', 'matches', 'order \\d{6}'), { text: 'my order 123456 is late' }, true],
      ['matches is case-sensitive without i', leaf('text', 'matches', 'refund'), { text: 'REFUND' }, false],
      ['matches with flag i', leaf('text', 'matches', 'refund', 'i'), { text: 'REFUND' }, true],
      ['^ without m only at the start', leaf('text', 'matches', '^b'), { text: 'a\nb' }, false],
      ['^ with flag m at a line start', leaf('text', 'matches', '^b', 'm'), { text: 'a\nb' }, true],
      ['. without s does not match a newline', leaf('text', 'matches', 'a.b'), { text: 'a\nb' }, false],
      ['. with flag s matches a newline', leaf('text', 'matches', 'a.b', 's'), { text: 'a\nb' }, true],
      ['\\u{...} with flag u', leaf('text', 'matches', '^\\u{1F600}$', 'u'), { text: '😀' }, true],
      ['several flags together', leaf('text', 'matches', '^B.C', 'ims'), { text: 'a\nb\nc' }, true],
      ['matches on channel', leaf('channel', 'matches', '^d'), { channel: 'dm' }, true],
      ['matches on platform', leaf('platform', 'matches', '^x$'), {}, true],
      ['matches on lang', leaf('lang', 'matches', '^en'), { lang: 'en-GB' }, true],
      ['matches on author.handle', leaf('author.handle', 'matches', '_doe$'), author({ handle: 'jane_doe' }), true],
      ['matches on absent author.handle is false', leaf('author.handle', 'matches', '^'), {}, false],
      ['matches is stateless across messages (no g flag)', leaf('text', 'matches', 'a'), { text: 'a' }, true],
    ]);
    it('gives the same answer when the same message is routed twice', () => {
      const when = leaf('text', 'matches', 'abc', 'i');
      const msg = message({ text: 'xx ABC' });
      expect([holds(when, msg), holds(when, msg), holds(when, msg)]).toEqual([true, true, true]);
    });
  });

  describe('within (createdAt; local day and from <= time < to)', () => {
    const nineToTen = (tz: string, days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) =>
      leaf('createdAt', 'within', { tz, days, from: '09:00', to: '10:00' });
    run([
      ['from is inclusive (09:00:00)', nineToTen('UTC'), { createdAt: '2026-11-20T09:00:00Z' }, true],
      ['just before from (08:59:59)', nineToTen('UTC'), { createdAt: '2026-11-20T08:59:59Z' }, false],
      ['just before to (09:59:59)', nineToTen('UTC'), { createdAt: '2026-11-20T09:59:59Z' }, true],
      ['to is exclusive (10:00:00)', nineToTen('UTC'), { createdAt: '2026-11-20T10:00:00Z' }, false],
      ['day listed (Friday)', nineToTen('UTC', ['fri']), { createdAt: '2026-11-20T09:30:00Z' }, true],
      ['day not listed (Friday, only mon)', nineToTen('UTC', ['mon']), { createdAt: '2026-11-20T09:30:00Z' }, false],
      // 2026-11-20T23:30Z is Friday in UTC but Saturday 08:30 in Tokyo.
      ['local day in the zone (Saturday in Tokyo)', leaf('createdAt', 'within', { tz: 'Asia/Tokyo', days: ['sat'], from: '08:00', to: '09:00' }), { createdAt: '2026-11-20T23:30:00Z' }, true],
      ['local day in the zone (not Friday in Tokyo)', leaf('createdAt', 'within', { tz: 'Asia/Tokyo', days: ['fri'], from: '08:00', to: '09:00' }), { createdAt: '2026-11-20T23:30:00Z' }, false],
      ['to "24:00" includes 23:59', leaf('createdAt', 'within', { tz: 'UTC', days: ['fri'], from: '23:00', to: '24:00' }), { createdAt: '2026-11-20T23:59:30Z' }, true],
      ['to "24:00" does not include next midnight', leaf('createdAt', 'within', { tz: 'UTC', days: ['fri', 'sat'], from: '23:00', to: '24:00' }), { createdAt: '2026-11-21T00:00:00Z' }, false],
      ['from 00:00 includes midnight', leaf('createdAt', 'within', { tz: 'UTC', days: ['sat'], from: '00:00', to: '01:00' }), { createdAt: '2026-11-21T00:00:00Z' }, true],
    ]);

    describe('across daylight-saving changes the same UTC hour maps to different local hours', () => {
      // Europe/Paris: 2026-03-29 01:00 UTC clocks go from 02:00 CET to 03:00 CEST.
      const parisNine = nineToTen('Europe/Paris');
      const parisEight = leaf('createdAt', 'within', { tz: 'Europe/Paris', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '08:00', to: '09:00' });
      // America/New_York: 2026-11-01 06:00 UTC clocks go from 02:00 EDT back to 01:00 EST.
      const nyNine = nineToTen('America/New_York');
      const nyEight = leaf('createdAt', 'within', { tz: 'America/New_York', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '08:00', to: '09:00' });
      run([
        ['Paris 07:30Z on Sat 28 Mar is 08:30 CET', parisEight, { createdAt: '2026-03-28T07:30:00Z' }, true],
        ['Paris 07:30Z on Sat 28 Mar is not 09:xx', parisNine, { createdAt: '2026-03-28T07:30:00Z' }, false],
        ['Paris 07:30Z on Sun 29 Mar is 09:30 CEST', parisNine, { createdAt: '2026-03-29T07:30:00Z' }, true],
        ['Paris 07:30Z on Sun 29 Mar is not 08:xx', parisEight, { createdAt: '2026-03-29T07:30:00Z' }, false],
        ['Paris 01:30Z on 29 Mar is 03:30 (02:xx skipped)', leaf('createdAt', 'within', { tz: 'Europe/Paris', days: ['sun'], from: '03:00', to: '04:00' }), { createdAt: '2026-03-29T01:30:00Z' }, true],
        ['Paris 00:30Z on 29 Mar is 01:30 CET', leaf('createdAt', 'within', { tz: 'Europe/Paris', days: ['sun'], from: '01:00', to: '02:00' }), { createdAt: '2026-03-29T00:30:00Z' }, true],
        ['New York 13:30Z on Sat 31 Oct is 09:30 EDT', nyNine, { createdAt: '2026-10-31T13:30:00Z' }, true],
        ['New York 13:30Z on Sat 31 Oct is not 08:xx', nyEight, { createdAt: '2026-10-31T13:30:00Z' }, false],
        ['New York 13:30Z on Sun 1 Nov is 08:30 EST', nyEight, { createdAt: '2026-11-01T13:30:00Z' }, true],
        ['New York 13:30Z on Sun 1 Nov is not 09:xx', nyNine, { createdAt: '2026-11-01T13:30:00Z' }, false],
        ['New York 05:30Z on 1 Nov is 01:30 EDT', leaf('createdAt', 'within', { tz: 'America/New_York', days: ['sun'], from: '01:00', to: '02:00' }), { createdAt: '2026-11-01T05:30:00Z' }, true],
        ['New York 06:30Z on 1 Nov is 01:30 EST again', leaf('createdAt', 'within', { tz: 'America/New_York', days: ['sun'], from: '01:00', to: '02:00' }), { createdAt: '2026-11-01T06:30:00Z' }, true],
        ['New York 06:30Z on 1 Nov is not 02:xx', leaf('createdAt', 'within', { tz: 'America/New_York', days: ['sun'], from: '02:00', to: '03:00' }), { createdAt: '2026-11-01T06:30:00Z' }, false],
      ]);
    });
  });
});

describe('groups: all, any, not', () => {
  const dm = leaf('channel', 'eq', 'dm');
  const refund = leaf('text', 'containsAny', ['refund']);
  run([
    ['empty all is true', { all: [] }, {}, true],
    ['empty any is false', { any: [] }, {}, false],
    ['not of empty all is false', { not: { all: [] } }, {}, false],
    ['not of empty any is true', { not: { any: [] } }, {}, true],
    ['all, both true', { all: [dm, refund] }, { channel: 'dm', text: 'refund' }, true],
    ['all, one false', { all: [dm, refund] }, { channel: 'public', text: 'refund' }, false],
    ['any, one true', { any: [dm, refund] }, { channel: 'public', text: 'refund' }, true],
    ['any, none true', { any: [dm, refund] }, { channel: 'public', text: 'hello' }, false],
    ['not true', { not: dm }, { channel: 'public' }, true],
    ['not false', { not: dm }, { channel: 'dm' }, false],
    ['not not', { not: { not: refund } }, { text: 'refund' }, true],
    ['all containing empty any is false', { all: [dm, { any: [] }] }, { channel: 'dm' }, false],
    ['any containing empty all is true', { any: [refund, { all: [] }] }, { text: 'hi' }, true],
    ['not of a keyword test with no keyword', { not: refund }, { text: 'hello' }, true],
    ['any of not-keyword and keyword', { any: [{ not: refund }, leaf('text', 'containsAny', ['invoice'])] }, { text: 'refund' }, false],
    ['nested all/any/not', { all: [{ any: [dm, { not: leaf('lang', 'exists', true) }] }, { not: { all: [refund, dm] } }] }, { channel: 'public', text: 'refund' }, true],
  ]);
});

describe('unknown extra message properties are ignored by conditions', () => {
  run([
    ['extra top-level property named like a dotted field', leaf('author.followers', 'gt', 10), { 'author.followers': 100 }, false],
    ['extra nested properties do not count', leaf('customer.tags', 'containsAny', ['gold']), { customer: { tag: ['gold'], extra: 1 } }, false],
  ]);
});
