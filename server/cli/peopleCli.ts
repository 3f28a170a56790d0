/** What the `users` and `teams` commands share: the store the server would use, input problems as exit code 2, and reading a password from standard input. */
import type { Readable } from 'node:stream';
import { ApiError } from '../errors.js';
import { openStore, type Store } from '../store/index.js';

/** A setting the operator must fix (exit 2). */
class CliInputError extends Error {}

/** Exit codes: 0 done, 1 the store failed (cannot connect…), 2 bad input or refused. */
export type ExitCode = 0 | 1 | 2;

/** The store the server would open with this environment: MONGODB_URI, else the embedded store in DATA_DIR (default ./data). */
export function openStoreFromEnv(source: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const mongodbUri = source.MONGODB_URI?.trim() || undefined;
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) throw new CliInputError('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  return openStore({ mongodbUri, dataDir: source.DATA_DIR?.trim() || './data' });
}

/**
 * Runs one command against the store and turns its outcome into an exit
 * code: the API's 4xx errors (taken, unknown team) and CliInputError go to
 * standard error with each pointed detail, exit 2; anything else exit 1.
 */
export async function runAgainstStore(work: (store: Store) => Promise<string>, flagOf: (pointer: string) => string): Promise<ExitCode> {
  let store: Store | undefined;
  try {
    store = await openStoreFromEnv();
    process.stdout.write(`${await work(store)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CliInputError) return refuse(error.message);
    if (error instanceof ApiError && error.status < 500) return refuse(error.message, error.details, flagOf);
    process.stderr.write(`failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}

/** Prints why the command was refused (with one line per pointed detail); exit code 2. */
export function refuse(message: string, details?: unknown, flagOf: (pointer: string) => string = (pointer) => pointer): 2 {
  process.stderr.write(`${message}\n`);
  for (const detail of Array.isArray(details) ? (details as Array<{ pointer: string; message: string }>) : []) {
    process.stderr.write(`  ${flagOf(detail.pointer)}: ${detail.message}\n`);
  }
  return 2;
}

/** Standard input up to its end (or its first line when it is a terminal), without the line break: a password never passed as an argument. */
export async function readSecret(input: Readable & { isTTY?: boolean } = process.stdin): Promise<string> {
  if (input.isTTY) process.stderr.write('password (then Enter): ');
  let text = '';
  input.setEncoding('utf8');
  for await (const chunk of input) {
    text += chunk as string;
    if (input.isTTY && text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}
