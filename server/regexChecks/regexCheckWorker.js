// The worker thread that judges regular expressions with recheck
// (server/regexChecks/regexChecker.ts starts it). Plain JavaScript so it loads
// under node, tsx and vitest alike without a TypeScript loader in the worker.
//
// recheck's asynchronous check runs its analysis in its native agent (a child
// process, when the platform has the binary) or in a worker of its own; a
// check past its deadline is cancelled, so nothing is left running.
import { parentPort } from 'node:worker_threads';
import recheck from 'recheck';

/** Checks under way, by request id, so they can be cancelled. */
const running = new Map();

parentPort.on('message', (request) => {
  if (request.cancel !== undefined) {
    running.get(request.cancel)?.abort();
    return;
  }
  void judge(request);
});

async function judge({ id, source, flags, timeoutMs }) {
  const controller = new AbortController();
  running.set(id, controller);
  let diagnostics;
  try {
    diagnostics = await recheck.check(source, flags, { timeout: timeoutMs, signal: controller.signal });
  } catch (error) {
    diagnostics = { source, flags, status: 'unknown', error: { kind: 'unexpected', message: String(error) } };
  } finally {
    running.delete(id);
  }
  parentPort.postMessage({ id, diagnostics });
}
