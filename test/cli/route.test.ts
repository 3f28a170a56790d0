import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './runCli.js';

const RULES = 'test/fixtures/basic.rules.json';

function message(id: string, text: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ id, platform: 'x', channel: 'public', text, createdAt: '2026-11-20T14:03:00Z', author: { id: '42', handle: 'jane_doe' }, ...extra });
}

describe('route CLI', () => {
  it('writes one decision per message in input order, skipping blank lines', async () => {
    const input = [message('x:1', 'What are your opening hours?'), '', '   ', message('x:2', 'I was charged TWICE'), message('x:3', 'hello')].join('\n');
    const result = await runCli('route', ['--rules', RULES], input);
    expect(result.code).toBe(0);
    expect(jsonLines(result.stdout)).toEqual([
      { id: 'x:1', ruleId: 'hours', tier: 0, team: 'bot', priority: 'normal', tags: [], reply: 'Hi @jane_doe, we open at 9.' },
      { id: 'x:2', ruleId: 'billing-private', tier: 2, team: 'helpdesk', priority: 'high', tags: ['billing'] },
      { id: 'x:3', ruleId: null, tier: 1, team: 'care', priority: 'normal', tags: [] },
    ]);
  });

  it('adds the trace with --explain: every rule up to the deciding one, all of them for the fallback', async () => {
    const result = await runCli('route', ['--rules', RULES, '--explain'], [message('x:1', 'refund'), message('x:2', 'hi')].join('\n'));
    const [refund, fallback] = jsonLines(result.stdout);
    expect(refund!.trace).toEqual([
      { ruleId: 'hours', result: 'no-match' },
      { ruleId: 'paused', result: 'disabled' },
      { ruleId: 'billing-private', result: 'matched' },
    ]);
    expect(fallback!.trace).toEqual([
      { ruleId: 'hours', result: 'no-match' },
      { ruleId: 'paused', result: 'disabled' },
      { ruleId: 'billing-private', result: 'no-match' },
    ]);
  });

  it('marks changed decisions with --compare and summarizes on stderr', async () => {
    const input = [message('x:1', 'refund please'), message('x:2', 'charged twice'), message('x:3', 'hello')].join('\n');
    const result = await runCli('route', ['--rules', 'test/fixtures/reordered.rules.json', '--compare', RULES], input);
    expect(result.code).toBe(0);
    const [changed, same, fallback] = jsonLines(result.stdout);
    expect(changed).toMatchObject({ id: 'x:1', ruleId: 'refund-bot', tier: 0, changed: true, before: { ruleId: 'billing-private', tier: 2, team: 'helpdesk' } });
    expect(same).toMatchObject({ id: 'x:2', ruleId: 'billing-private', changed: false });
    expect(same).not.toHaveProperty('before');
    expect(fallback).toMatchObject({ ruleId: null, changed: false });
    expect(result.stderr.trim()).toBe('compared 3 messages: 1 changed (33.3%)');
  });

  it('replaces a bad line by an error naming the line (and the id when known), goes on and exits 1', async () => {
    const input = [message('x:1', 'refund'), '{not json', JSON.stringify({ id: 'x:bad', platform: 'x', channel: 'sms', text: 'hi' }), message('x:4', 'hi')].join('\n');
    const result = await runCli('route', ['--rules', RULES], input);
    expect(result.code).toBe(1);
    const lines = jsonLines(result.stdout);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toEqual({ line: 2, error: expect.stringContaining('not valid JSON') });
    expect(lines[2]).toMatchObject({ line: 3, id: 'x:bad' });
    expect(lines[2]!.error).toMatch(/\/channel: must be one of/);
    expect(lines[2]!.error).toMatch(/\/createdAt: is required/);
    expect(lines[3]).toMatchObject({ id: 'x:4', ruleId: null });
  });

  it('reports every error of an invalid rule file with its pointer and exits 2 without reading input', async () => {
    const result = await runCli('route', ['--rules', 'test/fixtures/invalid.rules.json'], 'never-ending');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      '/rules/0/when/value: must be a number',
      '/rules/1/id: duplicates the id of /rules/0',
      "/rules/1/when/value: is open to catastrophic backtracking (exponential time, e.g. on \"'a' + 'a'.repeat(31) + '\\x00a'\"); rewrite it without nested or overlapping repetition",
      '/fallback/tier: must be one of 0, 1, 2',
    ]);
  });

  it('reports the line and column of a rule file that is not JSON', async () => {
    const result = await runCli('route', ['--rules', 'test/fixtures/not-json.rules.json'], 'never-ending');
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('test/fixtures/not-json.rules.json:4:5: not valid JSON: property name expected');
  });

  it('names a rule file that cannot be read, and a missing --rules', async () => {
    const missing = await runCli('route', ['--rules', 'test/fixtures/nope.json'], 'never-ending');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('test/fixtures/nope.json: cannot read the rule file (ENOENT)');
    const usage = await runCli('route', [], 'never-ending');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--rules FILE is required');
  });

  it('routes a 1 MB message', async () => {
    const result = await runCli('route', ['--rules', RULES], message('x:big', `${'word '.repeat(200_000)}refund`));
    expect(jsonLines(result.stdout)).toEqual([expect.objectContaining({ id: 'x:big', ruleId: 'billing-private' })]);
  });

  it('streams with constant memory: 200,000 messages through a 48 MB heap', async () => {
    const total = 200_000;
    let sent = 0;
    const input = new Readable({
      read() {
        for (let i = 0; i < 1000 && sent < total; i++, sent++) this.push(`${message(`x:${sent}`, sent % 3 === 0 ? 'refund me' : 'hello there, how are you today?')}\n`);
        if (sent >= total) this.push(null);
      },
    });
    const result = await runCli('route', ['--rules', RULES], input, ['--max-old-space-size=48']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(total);
    expect(JSON.parse(lines[total - 1]!)).toMatchObject({ id: `x:${total - 1}` });
  }, 120_000);
});
