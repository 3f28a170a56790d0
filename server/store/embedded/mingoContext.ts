import { Aggregator as BaseAggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import type { Iterator } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import type { Options } from 'mingo/types';

/**
 * mingo's operators, with the ones that answer differently from MongoDB
 * replaced (found by the store's contract tests; mingo 7.2.7):
 * - `$percentile` / `$median` sort the numbers as strings (`[5, 15, 10].sort()`
 *   gives 10, 15, 5), so percentiles come out wrong. Replaced by the discrete
 *   percentile: the value at rank ⌈p·n⌉ of the numeric inputs (p = 0 is the
 *   smallest), which is what MongoDB's 'approximate' method returns for small
 *   groups, and always a value from the data.
 * - `$count` on no documents yields `{ n: 0 }`; MongoDB yields no document.
 * mingo's main entry gives its own operators precedence over added ones, so
 * the embedded backend runs pipelines with a context built here.
 */
const percentileFix = {
  $percentile: (values: unknown[], expr: { input: unknown; p: unknown }, options: Options) => discretePercentiles(accumulatorOperators.$push(values, expr.input, options), expr.p),
  $median: (values: unknown[], expr: { input: unknown }, options: Options) => discretePercentiles(accumulatorOperators.$push(values, expr.input, options), [0.5])?.[0] ?? null,
};

const context = Context.init({
  accumulator: { ...accumulatorOperators, ...percentileFix },
  expression: {
    ...expressionOperators,
    $percentile: (object: unknown, expr: { input: unknown; p: unknown }, options: Options) => discretePercentiles(asArray(evalExpr(object, expr.input, options)), expr.p),
    $median: (object: unknown, expr: { input: unknown }, options: Options) => discretePercentiles(asArray(evalExpr(object, expr.input, options)), [0.5])?.[0] ?? null,
  } as typeof expressionOperators,
  pipeline: { ...pipelineOperators, $count: countLikeMongo },
  projection: projectionOperators,
  query: queryOperators,
  window: windowOperators,
});

/** Runs a pipeline with the MongoDB-faithful operators above (inputs cloned first: callers may hold on to them). */
export function runPipeline(pipeline: Record<string, unknown>[], records: unknown[]): Record<string, unknown>[] {
  return new BaseAggregator(pipeline, { context, scriptEnabled: false, processingMode: 1 /* CLONE_INPUT */ }).run(records) as Record<string, unknown>[];
}

/** The discrete percentiles of the numbers among `values`; null for each when there are none. */
export function discretePercentiles(values: unknown[], ps: unknown): Array<number | null> {
  if (!Array.isArray(ps) || ps.some((p) => typeof p !== 'number' || p < 0 || p > 1)) throw new Error("$percentile 'p' must be an array of numbers between 0 and 1");
  const sorted = values.filter((value): value is number => typeof value === 'number' && !Number.isNaN(value)).sort((a, b) => a - b);
  return (ps as number[]).map((p) => (sorted.length === 0 ? null : sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!));
}

function countLikeMongo(collection: Iterator, field: string, options: Options): Iterator {
  return pipelineOperators.$count(collection, field, options).filter((row: Record<string, number>) => row[field]! > 0);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
