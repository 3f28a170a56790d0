/** Team scoping: how scopes narrow case filters, and that a case query without one does not compile. */
import { describe, expect, it } from 'vitest';
import { allTeamsScope, scopeCovers, scopeForUser, teamsScope, type StoreCollections, type TeamScope } from '../../server/store/index.js';
import { scopedFilter } from '../../server/store/teamScope.js';

describe('TeamScope', () => {
  it('gives admins every team, agents their teams and everyone else none', () => {
    expect(scopeForUser({ role: 'admin', teams: [] }).teams).toBe('all');
    expect(scopeForUser({ role: 'agent', teams: ['care', 'social', 'care'] }).teams).toEqual(['care', 'social']);
    expect(scopeForUser({ role: 'marketing', teams: ['care'] }).teams).toEqual([]);
    expect(scopeCovers(teamsScope(['care']), 'care')).toBe(true);
    expect(scopeCovers(teamsScope(['care']), 'helpdesk')).toBe(false);
    expect(scopeCovers(allTeamsScope(), 'anything')).toBe(true);
  });

  it('narrows a filter to the teams, keeping a team condition of the caller alongside', () => {
    expect(scopedFilter(allTeamsScope(), { status: 'open' })).toEqual({ status: 'open' });
    expect(scopedFilter(teamsScope(['care']), { status: 'open' })).toEqual({ status: 'open', team: { $in: ['care'] } });
    expect(scopedFilter(teamsScope(['care']), { team: 'helpdesk' })).toEqual({ $and: [{ team: { $in: ['care'] } }, { team: 'helpdesk' }] });
  });

  it('cannot be forged or left out (checked by the type checker: these lines must not compile)', () => {
    const compileOnly = (cases: StoreCollections['cases']) => {
      // @ts-expect-error a case query needs a TeamScope
      void cases.find({ status: 'open' });
      // @ts-expect-error a case query needs a TeamScope
      void cases.findOne({ _id: 'x' });
      // @ts-expect-error a plain object is not a TeamScope
      const forged: TeamScope = { teams: 'all' };
      void cases.countDocuments(forged, {});
      // @ts-expect-error rule set versions are immutable: no updates
      void ({} as StoreCollections['ruleSetVersions']).updateOne({}, {});
    };
    expect(compileOnly).toBeTypeOf('function');
  });
});
