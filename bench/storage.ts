/**
 * `npm run bench -- storage [--messages 50000] [--baseline REV] [--baseline-modules DIR] [--no-ingest]`:
 * the embedded backend of this tree (SQLite) side by side with the nedb
 * backend it replaced, in the same run: for each, `bench ingest` (msgs/s),
 * then a store filled with N messages and a fresh process opening it (time,
 * RSS, a case's messages, a full count), and the RSS with N/10 messages to
 * show whether memory grows with the data set.
 *
 * The baseline is the tree at REV (default: the last commit with nedb),
 * extracted with `git archive` into a temp dir; it needs a node_modules that
 * still holds @seald-io/nedb 4.1.2 (this tree's no longer does): pass one
 * with --baseline-modules (e.g. a checkout of main from before the change).
 * The X simulator's corpus is this tree's (../shared/data, or X_SIM_CORPUS_DIR).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE = fileURLToPath(new URL('./storage/storeProbe.ts', import.meta.url));
/** The last commit whose embedded backend was nedb. */
const NEDB_COMMIT = '8705123';

interface Tree {
  name: string;
  root: string;
}

function run(cwd: string, args: string[]): Record<string, number> {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd, encoding: 'utf8', env: { X_SIM_CORPUS_DIR: resolve(ROOT, '../shared/data'), ...process.env, LOG_LEVEL: 'silent' }, maxBuffer: 1 << 26 });
  const line = result.stdout.trim().split('\n').reverse().find((entry) => entry.startsWith('{'));
  if (result.status !== 0 || !line) throw new Error(`${args.join(' ')} failed in ${cwd}:\n${result.stderr}`);
  return JSON.parse(line) as Record<string, number>;
}

async function openFigures(tree: Tree, messages: number): Promise<Record<string, number>> {
  const dataDir = await mkdtemp(join(tmpdir(), `bench-storage-${tree.name}-`));
  try {
    const fill = run(tree.root, [PROBE, join(tree.root, 'server/store/index.ts'), dataDir, 'fill', String(messages)]);
    const opened = run(tree.root, [PROBE, join(tree.root, 'server/store/index.ts'), dataDir, 'open']);
    const disk = Number(execFileSync('du', ['-sk', dataDir], { encoding: 'utf8' }).split('\t')[0]) / 1024;
    return { ...fill, ...opened, diskMb: Math.round(disk) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function baselineTree(rev: string, modules: string): Promise<Tree> {
  if (!existsSync(join(modules, '@seald-io/nedb'))) throw new Error(`${modules} has no @seald-io/nedb: pass --baseline-modules DIR (a node_modules with it)`);
  const root = await mkdtemp(join(tmpdir(), 'bench-storage-baseline-'));
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${rev}" | tar -x -C "${root}"`]);
  await symlink(modules, join(root, 'node_modules'));
  // The same ingest bench code on both trees.
  await copyFile(join(ROOT, 'bench/ingest.ts'), join(root, 'bench/ingest.ts'));
  return { name: `nedb (${rev})`, root };
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { messages: { type: 'string', default: '50000' }, baseline: { type: 'string', default: NEDB_COMMIT }, 'baseline-modules': { type: 'string', default: join(ROOT, 'node_modules') }, 'no-ingest': { type: 'boolean', default: false } } });
  const messages = Number(values.messages);
  const baseline = await baselineTree(values.baseline, values['baseline-modules']);
  const trees: Tree[] = [baseline, { name: 'sqlite (this tree)', root: ROOT }];
  const rows: Record<string, Record<string, number | string>> = {};
  try {
    for (const tree of trees) {
      const row: Record<string, number | string> = {};
      if (!values['no-ingest']) {
        const ingest = run(tree.root, ['bench/run.ts', 'ingest']);
        Object.assign(row, { ingestApiMsgsPerSec: ingest.apiMsgsPerSec!, ingestApiMsgsPerCpuSec: ingest.apiMsgsPerCpuSec!, ingestConnectorMsgsPerSec: ingest.connectorMsgsPerSec!, ingestBatchP99Ms: ingest.batchP99Ms! });
      }
      const small = await openFigures(tree, Math.round(messages / 10));
      const large = await openFigures(tree, messages);
      Object.assign(row, { [`openMs@${messages}`]: large.openMs!, [`rssMb@${messages / 10}`]: small.rssAfterOpenMb!, [`rssMb@${messages}`]: large.rssAfterOpenMb!, caseQueryMs: large.caseQueryMs!, countMs: large.countMs!, storeInsertsPerSec: large.insertsPerSec!, diskMb: large.diskMb! });
      rows[tree.name] = row;
      console.log(tree.name, JSON.stringify(row));
    }
  } finally {
    await rm(baseline.root, { recursive: true, force: true });
  }
  console.table(rows);
  console.log(JSON.stringify({ bench: 'storage', messages, rows }));
}
