import { badRequest, conflict } from '../../errors.js';
import { logger } from '../../logger.js';
import type { SessionUser } from '../../middleware/currentUser.js';
import type { RuleSet } from '../../routing/index.js';
import { MAX_CONDITION_DEPTH } from '../../routing/operators.js';
import { escapePointer } from '../../routing/schemaErrors.js';
import type { ActiveRuleSet } from '../../ruleSets/activeRuleSet.js';
import { RULE_DRAFT_ID, type RuleDraftDocument, type Store } from '../../store/index.js';
import { checkRuleSet, type RuleSetCheck } from './checkRuleSet.js';

export interface SaveDraftProps {
  store: Store;
  rules: ActiveRuleSet;
  /** Whatever the admin is editing, valid or not. */
  ruleSet: Record<string, unknown>;
  /** The draft version the admin edited; when given and no longer current, nothing is saved (409). */
  expectedVersion?: number;
  user: SessionUser;
  now?: Date;
}

const MAX_ATTEMPTS = 5;

/**
 * Saves the one shared rule draft, valid or not (an admin must not lose
 * work); the check says whether it could be published. The check is made on
 * the stored copy, so it matches what GET /api/rules later reports.
 */
export async function saveDraft(props: SaveDraftProps): Promise<{ draft: RuleDraftDocument; check: RuleSetCheck }> {
  const unstorable = unstorableKeys(props.ruleSet, '/ruleSet');
  if (unstorable.length > 0) throw badRequest('the rule set cannot be stored', unstorable);
  const draft = await writeDraft(props);
  const check = await checkRuleSet(props.store, draftRuleSet(draft));
  logger.info({ draftVersion: draft.version, updatedBy: draft.updatedBy, valid: check.valid }, 'rule draft saved');
  return { draft, check };
}

/** The rule set a stored draft holds (the store drops empty objects, so an emptied draft may hold none). */
export function draftRuleSet(draft: RuleDraftDocument): RuleSet {
  return (draft.ruleSet ?? {}) as RuleSet;
}

async function writeDraft(props: SaveDraftProps): Promise<RuleDraftDocument> {
  const drafts = props.store.collections.ruleDrafts;
  const changes = { ruleSet: props.ruleSet as unknown as RuleSet, updatedAt: props.now ?? new Date(), updatedBy: props.user.username };
  const update = { $set: changes, $inc: { version: 1 } };
  if (props.expectedVersion !== undefined) {
    const saved = await drafts.findOneAndUpdate({ _id: RULE_DRAFT_ID, version: props.expectedVersion }, update);
    if (saved) return saved;
    const current = await drafts.findOne({ _id: RULE_DRAFT_ID });
    throw conflict(
      current ? `the draft was changed by ${current.updatedBy} since version ${props.expectedVersion}` : 'the draft was published or removed since you loaded it',
      { currentVersion: current?.version ?? null },
    );
  }
  // Update, else create; if another admin created it in between, update theirs.
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const saved = await drafts.findOneAndUpdate({ _id: RULE_DRAFT_ID }, update);
    if (saved) return saved;
    const inserted = await drafts.insertOne({ _id: RULE_DRAFT_ID, ...changes, baseVersion: props.rules.get().version });
    if (inserted.status === 'inserted') return inserted.document;
  }
  throw conflict('the draft kept changing while saving; try again');
}

/** Well beyond what a valid rule set nests (each condition level is an object and an array); keeps storing drafts off deep recursion. */
const MAX_STORED_DEPTH = 4 * MAX_CONDITION_DEPTH + 16;

/**
 * What the store cannot hold, by pointer: keys starting with '$' or holding
 * '.' or NUL (none is valid in a rule set anyway) and nesting deeper than
 * MAX_STORED_DEPTH. Walked without recursion.
 */
function unstorableKeys(root: unknown, rootPointer: string): Array<{ pointer: string; message: string }> {
  const problems: Array<{ pointer: string; message: string }> = [];
  // Pointers are built only for problems: a rule set of thousands of rules has tens of thousands of nodes, walked on the event loop.
  const stack: StoredNode[] = [{ value: root, key: '', parent: undefined, depth: 0 }];
  while (stack.length > 0 && problems.length < 100) {
    const node = stack.pop()!;
    const { value, depth } = node;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_STORED_DEPTH) {
      problems.push({ pointer: pointerOf(node, rootPointer), message: `nested more than ${MAX_STORED_DEPTH} levels deep` });
      continue;
    }
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) stack.push({ value: value[index], key: String(index), parent: node, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index]!;
      const child = { value: (value as Record<string, unknown>)[key], key, parent: node, depth: depth + 1 };
      if (key.startsWith('$') || key.includes('.') || key.includes('\0')) problems.push({ pointer: pointerOf(child, rootPointer), message: "field names may not start with '$' or contain '.'" });
      else stack.push(child);
    }
  }
  return problems;
}

/** A node of the walk: its value, its key in its parent, its parent. */
interface StoredNode {
  value: unknown;
  key: string;
  parent: StoredNode | undefined;
  depth: number;
}

function pointerOf(node: StoredNode, rootPointer: string): string {
  const keys: string[] = [];
  for (let at: StoredNode | undefined = node; at?.parent; at = at.parent) keys.push(escapePointer(at.key));
  return [rootPointer, ...keys.reverse()].join('/');
}
