import { parseArgs } from 'node:util';

export interface RouteArgs {
  rules: string;
  explain: boolean;
  compare?: string;
}

/** Parses `route` arguments; throws with a usage message when they are wrong. */
export function parseRouteArgs(argv: string[]): RouteArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      rules: { type: 'string' },
      explain: { type: 'boolean', default: false },
      compare: { type: 'string' },
    },
    strict: true,
  });
  if (!values.rules) throw new Error('--rules FILE is required');
  return { rules: values.rules, explain: values.explain ?? false, compare: values.compare };
}

export const ROUTE_USAGE = 'usage: npm run --silent route -- --rules FILE [--explain] [--compare OLD_FILE] < messages.jsonl > decisions.jsonl';
