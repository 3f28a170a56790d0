/**
 * `npm run --silent teams -- create NAME --tier 0|1|2 [--display-name "Shown name"]`: adds a team
 * (e.g. before the first users of a MongoDB deployment). Same validation and command as POST /api/teams;
 * exits 2 on bad input or a taken name.
 */
import { parseArgs } from 'node:util';
import { createTeam } from '../commands/teams/createTeam.js';
import { checkCreateTeamBody } from '../routes/teams/schema.js';
import { pointedSchemaErrors } from '../routing/schemaErrors.js';
import { refuse, runAgainstStore, type ExitCode } from './peopleCli.js';

const USAGE = 'usage: npm run --silent teams -- create NAME --tier 0|1|2 [--display-name "Shown name"]';

/** Where a problem with the request body came from on the command line. */
function flagOf(pointer: string): string {
  if (pointer === '/name') return 'NAME';
  if (pointer === '/displayName') return '--display-name';
  return `--${pointer.slice(1)}`;
}

async function main(argv: string[]): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { tier: { type: 'string' }, 'display-name': { type: 'string' } } });
  } catch (error) {
    return refuse(`${(error as Error).message}\n${USAGE}`);
  }
  const [verb, name, ...extra] = parsed.positionals;
  if (verb !== 'create' || !name || extra.length > 0) return refuse(USAGE);
  const { tier, 'display-name': displayName } = parsed.values;
  if (tier === undefined) return refuse(`--tier is required\n${USAGE}`);
  // A tier that is not a whole number stays text, so the schema names it.
  const body: Record<string, unknown> = { name, tier: /^\d+$/.test(tier) ? Number(tier) : tier };
  if (displayName !== undefined) body.displayName = displayName;
  if (!checkCreateTeamBody(body)) return refuse('invalid team', pointedSchemaErrors(checkCreateTeamBody.errors ?? []), flagOf);
  const valid = body;
  return runAgainstStore(async (store) => {
    const team = await createTeam({ store, ...valid });
    return `created team ${team.name} (tier ${team.tier})`;
  }, flagOf);
}

process.exitCode = await main(process.argv.slice(2));
