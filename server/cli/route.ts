/** `npm run route -- --rules FILE [--explain] [--compare OLD_FILE]`: routes JSONL messages from stdin to JSONL decisions on stdout. */
import { compileRuleSet } from '../routing/index.js';
import { parseRouteArgs, ROUTE_USAGE, type RouteArgs } from './args.js';
import { numberedLines, writeLine } from './lines.js';
import { loadRuleFile } from './ruleFile.js';
import { routeLine, type LineRouters } from './routeLine.js';

async function main(): Promise<number> {
  let args: RouteArgs;
  try {
    args = parseRouteArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${ROUTE_USAGE}\n`);
    return 2;
  }
  const routers = loadRouters(args);
  if (!routers) return 2;
  const counts = { decided: 0, changed: 0, errors: 0 };
  for await (const { lineNumber, line } of numberedLines(process.stdin)) {
    if (line.trim() === '') continue;
    const outcome = routeLine(line, lineNumber, routers);
    if (outcome.kind === 'error') counts.errors++;
    else counts.decided++;
    if (outcome.kind === 'decision' && outcome.changed) counts.changed++;
    await writeLine(process.stdout, JSON.stringify(outcome.output));
  }
  if (routers.previous) process.stderr.write(`${compareSummary(counts)}\n`);
  return counts.errors > 0 ? 1 : 0;
}

function loadRouters(args: RouteArgs): LineRouters | null {
  const current = loadRuleFile(args.rules);
  const previous = args.compare === undefined ? undefined : loadRuleFile(args.compare);
  let failed = false;
  for (const [label, result] of [[args.rules, current], [args.compare, previous]] as const) {
    if (!result || result.ok) continue;
    failed = true;
    for (const problem of result.problems) process.stderr.write(`${args.compare ? `${label}: ` : ''}${problem}\n`);
  }
  if (failed || !current.ok || (previous && !previous.ok)) return null;
  return {
    current: compileRuleSet(current.ruleSet),
    previous: previous ? compileRuleSet(previous.ruleSet) : undefined,
    explain: args.explain,
  };
}

function compareSummary(counts: { decided: number; changed: number; errors: number }): string {
  const share = counts.decided === 0 ? 0 : (100 * counts.changed) / counts.decided;
  const errors = counts.errors > 0 ? `, ${counts.errors} invalid line(s)` : '';
  return `compared ${counts.decided} messages: ${counts.changed} changed (${share.toFixed(1)}%)${errors}`;
}

process.exitCode = await main();
