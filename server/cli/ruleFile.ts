import { readFileSync } from 'node:fs';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { validateRuleSet, type RuleSet } from '../routing/index.js';

export type RuleFileResult = { ok: true; ruleSet: RuleSet } | { ok: false; problems: string[] };

/** Reads, parses and validates a rule file; problems are printable lines (`POINTER: message`, or `FILE:LINE:COLUMN: …` for JSON syntax). */
export function loadRuleFile(path: string): RuleFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [`${path}: cannot read the rule file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`] };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(path, text, error as Error)] };
  }
  const validation = validateRuleSet(parsed);
  if (validation.ok) return { ok: true, ruleSet: validation.ruleSet };
  return { ok: false, problems: validation.errors.map((e) => `${e.pointer === '' ? '(root)' : e.pointer}: ${e.message}`) };
}

function syntaxProblem(path: string, text: string, error: Error): string {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const offset = errors[0]?.offset ?? positionFrom(error.message) ?? text.length;
  const { line, column } = lineAndColumn(text, offset);
  const what = errors[0] ? describeParseError(printParseErrorCode(errors[0].error)) : error.message;
  return `${path}:${line}:${column}: not valid JSON: ${what}`;
}

function positionFrom(message: string): number | undefined {
  const match = /position (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
