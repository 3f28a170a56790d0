import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { once } from 'node:events';

/** Yields the input's lines with 1-based line numbers, reading as it goes (constant memory). */
export async function* numberedLines(input: Readable): AsyncGenerator<{ lineNumber: number; line: string }> {
  const reader = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of reader) yield { lineNumber: ++lineNumber, line };
}

/** Writes a line, waiting for the output to drain when it pushes back. */
export async function writeLine(output: Writable, text: string): Promise<void> {
  if (!output.write(`${text}\n`)) await once(output, 'drain');
}
