import { FIELD_TYPES, isFieldName, type FieldName } from './fields.js';
import { isOperator, operatorFits, operatorsFor, WEEKDAY_NAMES, type Operator } from './operators.js';
import { regexRisk, type RegexRisk } from './regexSafety.js';
import { keywordProblem as textKeywordProblem } from './keyword.js';
import { MESSAGE_KINDS, type PointedError } from './types.js';
import { isKnownTimeZone, minutesOf } from './within.js';

type Report = (pointer: string, message: string) => void;

const DETECTED_KINDS = ['email', 'phone', 'card'];
const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** Semantic checks of one leaf condition (field/op/value types, regexes, zones, ranges). */
export function validateLeaf(leaf: Record<string, unknown>, at: string, errors: PointedError[], judgeRegex: RegexRisk = regexRisk): void {
  const report: Report = (pointer, message) => errors.push({ pointer, message });
  const { field, op, value } = leaf;
  if (typeof field !== 'string' || !isFieldName(field)) return;
  if (typeof op !== 'string' || !isOperator(op)) return;
  if (!operatorFits(op, field)) {
    report(`${at}/op`, `'${op}' cannot test the field '${field}' (${FIELD_TYPES[field]}); use one of ${operatorsFor(field).join(', ')}`);
    return;
  }
  if (leaf.flags !== undefined && op !== 'matches') report(`${at}/flags`, "is only allowed with the 'matches' operator");
  if (!('value' in leaf)) return;
  checkValue(op, field, value, leaf.flags, `${at}/value`, report, judgeRegex);
}

function checkValue(op: Operator, field: FieldName, value: unknown, flags: unknown, at: string, report: Report, judgeRegex: RegexRisk): void {
  switch (op) {
    case 'eq':
    case 'neq':
      checkScalar(FIELD_TYPES[field], value, at, report);
      if (field === 'kind' && typeof value === 'string') checkKind(value, at, report);
      return;
    case 'in':
      return checkStringList(value, at, report, field === 'kind' ? kindProblem : () => null);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return checkScalar('number', value, at, report);
    case 'between':
      return checkBetween(value, at, report);
    case 'exists':
      return checkScalar('boolean', value, at, report);
    case 'containsAny':
    case 'containsAll':
      return checkStringList(value, at, report, keywordProblem(field));
    case 'matches':
      return checkRegex(value, flags, at, report, judgeRegex);
    case 'within':
      return checkWithin(value, at, report);
  }
}

function checkScalar(type: string, value: unknown, at: string, report: Report): void {
  if (type === 'number' ? typeof value !== 'number' || !Number.isFinite(value) : typeof value !== type) {
    report(at, `must be a ${type}`);
  }
}

function kindProblem(value: string): string | null {
  return (MESSAGE_KINDS as readonly string[]).includes(value.toLowerCase()) ? null : `must be one of ${MESSAGE_KINDS.join(', ')}`;
}

function checkKind(value: string, at: string, report: Report): void {
  const problem = kindProblem(value);
  if (problem) report(at, problem);
}

function keywordProblem(field: FieldName): (item: string) => string | null {
  if (field === 'text') return textKeywordProblem;
  if (field === 'detected') return (item) => (DETECTED_KINDS.includes(item) ? null : `must be one of ${DETECTED_KINDS.join(', ')}`);
  return (item) => (item.length === 0 ? 'must not be empty' : null);
}

function checkStringList(value: unknown, at: string, report: Report, itemProblem: (item: string) => string | null): void {
  if (!Array.isArray(value) || value.length === 0) return report(at, 'must be a non-empty array of strings');
  value.forEach((item, index) => {
    const problem = typeof item === 'string' ? itemProblem(item) : 'must be a string';
    if (problem) report(`${at}/${index}`, problem);
  });
}

function checkBetween(value: unknown, at: string, report: Report): void {
  if (!Array.isArray(value) || value.length !== 2) return report(at, 'must be [min, max]');
  const [min, max] = value as unknown[];
  const bad = [min, max].map((bound) => typeof bound !== 'number' || !Number.isFinite(bound));
  bad.forEach((isBad, index) => isBad && report(`${at}/${index}`, 'must be a number'));
  if (!bad.includes(true) && (min as number) > (max as number)) report(at, `min (${min}) must not be greater than max (${max})`);
}

function checkRegex(value: unknown, flags: unknown, at: string, report: Report, judgeRegex: RegexRisk): void {
  if (typeof value !== 'string') return report(at, 'must be a regular expression (string)');
  // Unknown flags are reported by the schema at /flags; the expression is then not judged.
  if (flags !== undefined && (typeof flags !== 'string' || !/^[imsu]*$/.test(flags))) return;
  const flagText = flags ?? '';
  if (typeof flags === 'string' && new Set(flags).size !== flags.length) {
    return report(at.replace(/\/value$/, '/flags'), 'must not repeat a flag');
  }
  try {
    new RegExp(value, flagText);
  } catch (error) {
    return report(at, `is not a valid regular expression: ${(error as Error).message}`);
  }
  const risk = judgeRegex(value, flagText);
  if (risk) report(at, risk);
}

function checkWithin(value: unknown, at: string, report: Report): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return report(at, 'must be an object {tz, days, from, to}');
  }
  const window = value as Record<string, unknown>;
  for (const key of Object.keys(window)) {
    if (!['tz', 'days', 'from', 'to'].includes(key)) report(`${at}/${key}`, 'is not a known property here');
  }
  if (typeof window.tz !== 'string' || !isKnownTimeZone(window.tz)) report(`${at}/tz`, 'must be an IANA time zone such as Europe/Paris');
  checkDays(window.days, `${at}/days`, report);
  const fromOk = typeof window.from === 'string' && CLOCK.test(window.from);
  const toOk = typeof window.to === 'string' && (CLOCK.test(window.to) || window.to === '24:00');
  if (!fromOk) report(`${at}/from`, 'must be a time HH:MM (00:00 to 23:59)');
  if (!toOk) report(`${at}/to`, 'must be a time HH:MM (00:01 to 24:00)');
  if (fromOk && toOk && minutesOf(window.from as string) >= minutesOf(window.to as string)) {
    report(`${at}/to`, `must be later than from (${String(window.from)}); split a window that crosses midnight into two rules or an any`);
  }
}

function checkDays(days: unknown, at: string, report: Report): void {
  if (!Array.isArray(days) || days.length === 0) return report(at, `must be a non-empty array of ${WEEKDAY_NAMES.join(', ')}`);
  const seen = new Set<unknown>();
  days.forEach((day, index) => {
    if (!(WEEKDAY_NAMES as readonly unknown[]).includes(day)) report(`${at}/${index}`, `must be one of ${WEEKDAY_NAMES.join(', ')}`);
    else if (seen.has(day)) report(`${at}/${index}`, `repeats ${String(day)}`);
    seen.add(day);
  });
}
