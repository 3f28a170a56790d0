import type { Collection, EachResult, EachUpdate, FindFieldsOptions, FindOptions, InsertResult, UpdateResult } from './collection.js';
import { UnsafeQueryError } from './errors.js';
import type { Filter, PipelineStage } from './port.js';
import type { CaseDocument, NewCaseDocument } from './schemas/case.js';
import { scopeCovers, scopedFilter, type TeamScope } from './teamScope.js';
import type { Update } from './updates.js';

/**
 * The cases collection, where every operation takes a TeamScope and only
 * ever sees the cases of the scope's teams. An update may move a case to a
 * team outside the scope (an escalation to the help desk); it just has to
 * start from a case the scope covers.
 */
export class CaseCollection {
  constructor(private readonly cases: Collection<CaseDocument, NewCaseDocument>) {}

  /** The collection's name. */
  get name(): string {
    return this.cases.name;
  }

  /** Opens a case for a team the scope covers. */
  async insertOne(scope: TeamScope, input: NewCaseDocument): Promise<InsertResult<CaseDocument>> {
    if (!scopeCovers(scope, input.team)) throw new UnsafeQueryError(`cannot open a case for team "${input.team}" outside the caller's teams`);
    return this.cases.insertOne(input);
  }

  /** Opens cases (ordered: false) for teams the scope covers; one result per input. */
  async insertMany(scope: TeamScope, inputs: readonly NewCaseDocument[]): Promise<InsertResult<CaseDocument>[]> {
    for (const input of inputs) {
      if (!scopeCovers(scope, input.team)) throw new UnsafeQueryError(`cannot open a case for team "${input.team}" outside the caller's teams`);
    }
    return this.cases.insertMany(inputs);
  }

  /** The first matching case of the scope's teams, or null. */
  findOne(scope: TeamScope, filter: Filter, options?: Pick<FindOptions, 'sort'>): Promise<CaseDocument | null> {
    return this.cases.findOne(scopedFilter(scope, filter), options);
  }

  /** Matching cases of the scope's teams. */
  find(scope: TeamScope, filter: Filter, options?: FindOptions): Promise<CaseDocument[]>;
  find<K extends keyof CaseDocument & string>(scope: TeamScope, filter: Filter, options: FindFieldsOptions<K>): Promise<Pick<CaseDocument, K | '_id'>[]>;
  find(scope: TeamScope, filter: Filter, options?: FindOptions | FindFieldsOptions<keyof CaseDocument & string>): Promise<unknown[]> {
    return this.cases.find(scopedFilter(scope, filter), options as FindFieldsOptions<keyof CaseDocument & string>);
  }

  /** How many cases of the scope's teams match. */
  countDocuments(scope: TeamScope, filter: Filter): Promise<number> {
    return this.cases.countDocuments(scopedFilter(scope, filter));
  }

  /** Updates the first matching case of the scope's teams (filter `{ _id, version }` for optimistic concurrency). */
  updateOne(scope: TeamScope, filter: Filter, update: Update<CaseDocument>, options?: Pick<FindOptions, 'sort'>): Promise<UpdateResult> {
    return this.cases.updateOne(scopedFilter(scope, filter), update, options);
  }

  /** Applies one update to each of several cases of the scope's teams, by id, in one write (see Collection.updateEach). */
  updateEach(scope: TeamScope, updates: ReadonlyArray<EachUpdate<CaseDocument>>): Promise<EachResult<CaseDocument>[]> {
    return this.cases.updateEach(updates, scopedFilter(scope, {}));
  }

  /** Like updateOne, returning the case after (or before) the update, or null. */
  findOneAndUpdate(scope: TeamScope, filter: Filter, update: Update<CaseDocument>, options?: Pick<FindOptions, 'sort'> & { returnDocument?: 'before' | 'after' }): Promise<CaseDocument | null> {
    return this.cases.findOneAndUpdate(scopedFilter(scope, filter), update, options);
  }

  /** Runs a pipeline over the scope's cases only (a `$match` on the teams goes first). */
  aggregate<R = Record<string, unknown>>(scope: TeamScope, pipeline: PipelineStage[]): Promise<R[]> {
    const scopeMatch = scopedFilter(scope, {});
    return this.cases.aggregate<R>(Object.keys(scopeMatch).length > 0 ? [{ $match: scopeMatch }, ...pipeline] : pipeline);
  }

  /** Removes matching cases of the scope's teams (tests, retention). */
  deleteMany(scope: TeamScope, filter: Filter): Promise<number> {
    return this.cases.deleteMany(scopedFilter(scope, filter));
  }
}
