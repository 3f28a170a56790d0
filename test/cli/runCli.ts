import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI script (server/cli/NAME.ts) as a real process with the given stdin (and environment variables over this process's). */
export function runCli(script: string, args: string[], stdin: string | Readable | 'never-ending' = '', nodeFlags: string[] = [], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', `server/cli/${script}.ts`, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined); // the CLI may exit before reading stdin
    if (stdin === 'never-ending') return; // stdin stays open: the process must not wait for it
    if (typeof stdin === 'string') child.stdin.end(stdin);
    else stdin.pipe(child.stdin);
  });
}

/** Parses JSONL output. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}
