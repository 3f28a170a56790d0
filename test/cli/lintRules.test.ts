import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

describe('rules:lint CLI', () => {
  it('prints one warning per line and exits 0', async () => {
    const result = await runCli('lintRules', ['test/fixtures/shadowed.rules.json']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      "refund-bot: shadowed by billing-private (its text keywords include all of this rule's)",
      'bigger-fans: shadowed by big-fans (author.followers >= 1000 already covers author.followers > 5000)',
      '',
    ]);
  });

  it('does not call a rule shadowed when it can still decide (it has a keyword the earlier one lacks); privacy lint still speaks', async () => {
    const result = await runCli('lintRules', ['test/fixtures/reordered.rules.json']);
    expect(result).toEqual({ code: 0, stdout: 'refund-bot: may answer personal data in public (detected: email, phone, card)\n', stderr: '' });
  });

  it('reports disabled rules and a bot that may answer personal data in public', async () => {
    const result = await runCli('lintRules', ['test/fixtures/basic.rules.json']);
    expect(result.stdout).toBe('paused: disabled (never evaluated)\nhours: may answer personal data in public (detected: email, phone, card)\n');
  });

  it('exits 2 with pointers on an invalid file and with line:column on broken JSON', async () => {
    const invalid = await runCli('lintRules', ['test/fixtures/invalid.rules.json']);
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr.split('\n')).toContain('/rules/1/id: duplicates the id of /rules/0');
    const broken = await runCli('lintRules', ['test/fixtures/not-json.rules.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^test\/fixtures\/not-json\.rules\.json:4:5: /);
  });

  it('lints the shipped starter rule set clean', async () => {
    const result = await runCli('lintRules', ['rules/default.rules.json']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
