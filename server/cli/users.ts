/**
 * `npm run --silent users -- create NAME --role admin|agent|marketing [--teams a,b] [--name "Display name"]`:
 * adds a user (e.g. the first admin of a MongoDB deployment) with the password read from standard input.
 * Same validation and command as POST /api/users; exits 2 on bad input or a taken name.
 */
import { parseArgs } from 'node:util';
import { createUser } from '../commands/users/createUser.js';
import { checkCreateUserBody } from '../routes/users/schema.js';
import { pointedSchemaErrors } from '../routing/schemaErrors.js';
import { readSecret, refuse, runAgainstStore, type ExitCode } from './peopleCli.js';

const USAGE = 'usage: npm run --silent users -- create NAME --role admin|agent|marketing [--teams a,b] [--name "Display name"] < password';

/** Where a problem with the request body came from on the command line. */
function flagOf(pointer: string): string {
  if (pointer === '/username') return 'NAME';
  if (pointer === '/password') return 'password (standard input)';
  if (pointer.startsWith('/teams')) return `--teams${pointer === '/teams' ? '' : ` item ${Number(pointer.split('/')[2]) + 1}`}`;
  return `--${pointer.slice(1)}`;
}

async function main(argv: string[]): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { role: { type: 'string' }, teams: { type: 'string' }, name: { type: 'string' } } });
  } catch (error) {
    return refuse(`${(error as Error).message}\n${USAGE}`);
  }
  const [verb, username, ...extra] = parsed.positionals;
  if (verb !== 'create' || !username || extra.length > 0) return refuse(USAGE);
  const { role, teams, name } = parsed.values;
  if (!role) return refuse(`--role is required\n${USAGE}`);
  const password = await readSecret();
  const body: Record<string, unknown> = { username, password, role };
  if (teams !== undefined) body.teams = teams.split(',').map((team) => team.trim()).filter(Boolean);
  if (name !== undefined) body.name = name;
  if (!checkCreateUserBody(body)) return refuse('invalid user', pointedSchemaErrors(checkCreateUserBody.errors ?? []), flagOf);
  const valid = body;
  return runAgainstStore(async (store) => {
    const user = await createUser({ store, ...valid, teams: valid.teams ?? [] });
    return `created user ${user.username} (${user.role}${user.teams.length > 0 ? `; teams ${user.teams.join(', ')}` : ''})`;
  }, flagOf);
}

process.exitCode = await main(process.argv.slice(2));
