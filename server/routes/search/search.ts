import { Router, type Request } from 'express';
import type { JSONSchemaType } from 'ajv';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { queryValidator, validQuery } from '../../middleware/validation.js';
import { presentCase } from '../../presenters/case.js';
import { searchCases } from '../../search/searchCases.js';
import { decodeCursor, encodeCursor } from '../cases/activityCursor.js';
import { scopeForUser, type Store } from '../../store/index.js';
import type { SearchAnswer, SearchQuery } from './bodies.js';

const searchSchema: JSONSchemaType<SearchQuery & { limit: number }> = {
  type: 'object',
  required: ['q', 'limit'],
  additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
    limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 },
    cursor: { type: 'string', nullable: true, minLength: 1, maxLength: 200 },
  },
};
const checkSearchQuery = queryValidator(searchSchema);

/** GET /api/search?q&limit&cursor: a page of the cases of the user's teams whose customer, tags, messages or notes hold every word (agents, admins). */
export function searchRoutes(deps: { store: Store }): Router {
  const router = Router();
  router.get('/api/search', noStore, requireRole('agent', 'admin'), async (req: Request, res) => {
    const query = validQuery(checkSearchQuery, req.query);
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const found = await searchCases({ store: deps.store, scope: scopeForUser(currentUser(res)!), query: query.q, limit: query.limit, after });
    res.json({
      results: found.results.map((result) => ({ case: presentCase(result.case), hits: result.hits.map((hit) => ({ ...hit, at: hit.at.toISOString() })) })),
      nextCursor: found.next ? encodeCursor(found.next) : null,
      searchedBackTo: found.next?.at.toISOString() ?? null,
    } satisfies SearchAnswer);
  });
  return router;
}
