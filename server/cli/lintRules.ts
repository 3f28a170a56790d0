/** `npm run rules:lint -- FILE`: prints one warning per line (`RULE_ID: message`); exits 2 on an invalid file. */
import { formatLintWarning, lintRuleSet } from '../routing/index.js';
import { loadRuleFile } from './ruleFile.js';

function main(): number {
  const [path, ...extra] = process.argv.slice(2);
  if (!path || extra.length > 0) {
    process.stderr.write('usage: npm run --silent rules:lint -- FILE\n');
    return 2;
  }
  const loaded = loadRuleFile(path);
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`${problem}\n`);
    return 2;
  }
  for (const warning of lintRuleSet(loaded.ruleSet)) process.stdout.write(`${formatLintWarning(warning)}\n`);
  return 0;
}

process.exitCode = main();
