import express, { Router, type Response } from 'express';
import { backtestRuleSet } from '../../commands/rules/backtestRuleSet.js';
import { listVersions, readVersion } from '../../commands/rules/listVersions.js';
import { publishDraft } from '../../commands/rules/publishDraft.js';
import { readRules } from '../../commands/rules/readRules.js';
import { rollbackRuleSet } from '../../commands/rules/rollbackRuleSet.js';
import { invalidRuleSet } from '../../commands/rules/ruleSetErrors.js';
import { saveDraft } from '../../commands/rules/saveDraft.js';
import { testRuleSet } from '../../commands/rules/testRuleSet.js';
import { notFound, unauthorized } from '../../errors.js';
import { currentUser, requireRole, type SessionUser } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { validBody } from '../../middleware/validation.js';
import type { ActiveRuleSet } from '../../ruleSets/activeRuleSet.js';
import type { Store } from '../../store/index.js';
import { presentActive, presentDraft, presentPublished, presentVersion, presentWarning } from './presenters.js';
import type { RulesAnswer, SavedDraftAnswer, VersionListAnswer } from './bodies.js';
import { checkBacktestBody, checkPublishBody, checkRollbackBody, checkSaveDraftBody, checkTestBody } from './schema.js';

export interface RuleRoutesDeps {
  store: Store;
  /** The version in force; publishing and rolling back swap it. */
  rules: ActiveRuleSet;
  /** Our own accounts ("x:1000…"), left out of backtests. */
  brandAccounts?: ReadonlySet<string>;
}

/** The rules administration API (api.md "HTTP API", /api/rules…): admins edit, test, publish and roll back; agents may read. */
export function ruleRoutes(deps: RuleRoutesDeps): Router {
  const router = Router();
  // Room for rule sets of thousands of rules (10,000 short rules are about 2 MB).
  const json = express.json({ limit: '8mb' });
  const admin = requireRole('admin');
  const { store, rules } = deps;
  // Tests and backtests answer with customers' messages; drafts are work in progress: no cache keeps them.
  router.use('/api/rules', noStore);

  router.get('/api/rules', requireRole('admin', 'agent'), async (_req, res) => {
    const { active, draft } = await readRules({ store, rules });
    res.json({ active: presentActive(active), draft: draft ? presentDraft(draft.document, draft.check) : null } satisfies RulesAnswer);
  });

  router.put('/api/rules/draft', admin, json, async (req, res) => {
    const body = validBody(checkSaveDraftBody, req.body);
    const { draft, check } = await saveDraft({ store, rules, ruleSet: body.ruleSet, expectedVersion: body.version, user: userOf(res) });
    if (!check.valid) throw invalidRuleSet('the rule set is invalid: the draft was saved, but it cannot be published until this is fixed', check.errors);
    res.json({ draft: presentDraft(draft, check), warnings: check.warnings.map(presentWarning) } satisfies SavedDraftAnswer);
  });

  router.post('/api/rules/test', admin, json, async (req, res) => {
    const body = validBody(checkTestBody, req.body);
    res.json(await testRuleSet({ store, rules, message: body.message, ruleSet: body.ruleSet }));
  });

  router.post('/api/rules/backtest', admin, json, async (req, res) => {
    const body = validBody(checkBacktestBody, req.body);
    res.json(await backtestRuleSet({ store, rules, ruleSet: body.ruleSet, limit: body.limit, brandAccounts: deps.brandAccounts }));
  });

  router.post('/api/rules/publish', admin, json, async (req, res) => {
    const body = validBody(checkPublishBody, req.body ?? {});
    res.json(presentPublished(await publishDraft({ store, rules, user: userOf(res), expectedVersion: body.version })));
  });

  router.get('/api/rules/versions', admin, async (_req, res) => {
    res.json({ versions: (await listVersions(store)).map((entry) => presentVersion(entry)) } satisfies VersionListAnswer);
  });

  router.get('/api/rules/versions/:version', admin, async (req, res) => {
    const raw = String(req.params.version);
    if (!/^[1-9]\d{0,9}$/.test(raw)) throw notFound(`rule set version ${raw}`);
    const version = Number(raw);
    res.json(presentVersion(await readVersion(store, version), { withRuleSet: true }));
  });

  router.post('/api/rules/rollback', admin, json, async (req, res) => {
    const body = validBody(checkRollbackBody, req.body);
    res.json(presentPublished(await rollbackRuleSet({ store, rules, version: body.version, user: userOf(res) })));
  });

  return router;
}

/** The user requireRole let through. */
function userOf(res: Response): SessionUser {
  const user = currentUser(res);
  if (!user) throw unauthorized();
  return user;
}
