/** Query-string checks that answer mistakes with X's own 400 messages (unknown parameter, bad value, range). */
import { isSnowflake } from './ids.js';
import type { InvalidParameter } from './errors.js';

/** How one query parameter is checked. */
export type ParamRule =
  | { kind: 'list'; allowed: readonly string[] }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'snowflake' }
  | { kind: 'token' }
  | { kind: 'datetime' };

/** The query parameters an endpoint accepts. */
export type QuerySpec = Readonly<Record<string, ParamRule>>;

/** Checked query values with typed accessors. */
export class CheckedQuery {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  /** A comma-separated parameter as a set (empty when absent). */
  set(name: string): Set<string> {
    const raw = this.values.get(name);
    return new Set(raw === undefined ? [] : raw.split(','));
  }

  /** An integer parameter, or the fallback when absent. */
  int(name: string, fallback: number): number {
    const raw = this.values.get(name);
    return raw === undefined ? fallback : Number(raw);
  }

  /** A plain string parameter, or undefined when absent. */
  string(name: string): string | undefined {
    return this.values.get(name);
  }
}

/** Checks every parameter against the spec; returns the problems X would list, or the checked values. */
export function checkQuery(search: URLSearchParams, spec: QuerySpec): { query: CheckedQuery } | { problems: InvalidParameter[] } {
  const problems: InvalidParameter[] = [];
  const values = new Map<string, string>();
  for (const name of new Set(search.keys())) {
    const all = search.getAll(name);
    const value = all.join(',');
    const rule = spec[name];
    if (!rule) {
      problems.push({ parameters: { [name]: all }, message: `The query parameter [${name}] is not one of [${Object.keys(spec).join(',')}]` });
    } else if (all.length > 1) {
      problems.push({ parameters: { [name]: all }, message: `Duplicate parameters are not allowed:  the \`${name}\` query parameter` });
    } else if (value === '') {
      problems.push({ parameters: { [name]: [value] }, message: `The \`${name}\` query parameter can not be empty` });
    } else {
      const message = ruleViolation(name, value, rule);
      if (message) problems.push({ parameters: { [name]: [value] }, message });
      else values.set(name, value);
    }
  }
  return problems.length > 0 ? { problems } : { query: new CheckedQuery(values) };
}

function ruleViolation(name: string, value: string, rule: ParamRule): string | undefined {
  switch (rule.kind) {
    case 'list': {
      const bad = value.split(',').filter((item) => !rule.allowed.includes(item));
      return bad.length === 0 ? undefined : `The \`${name}\` query parameter value [${bad.join(',')}] is not one of [${rule.allowed.join(',')}]`;
    }
    case 'int': {
      const n = Number(value);
      return /^-?\d+$/.test(value) && n >= rule.min && n <= rule.max
        ? undefined
        : `The \`${name}\` query parameter value [${value}] is not between ${rule.min} and ${rule.max}`;
    }
    case 'snowflake':
      return isSnowflake(value) ? undefined : `The \`${name}\` query parameter value [${value}] does not match ^[0-9]{1,19}$`;
    case 'token':
      return undefined;
    case 'datetime':
      return Number.isNaN(Date.parse(value)) ? `The \`${name}\` query parameter value [${value}] is not a valid RFC 3339 date-time` : undefined;
  }
}
