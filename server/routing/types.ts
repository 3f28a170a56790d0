/** Shapes of the routing contract (shared/spec/routing.md): messages, rule sets, decisions. */

export type Channel = 'public' | 'dm';

export interface MessageAuthor {
  id: string;
  handle?: string;
  name?: string;
  followers?: number;
  verified?: boolean;
  [extra: string]: unknown;
}

/** A normalized message as connectors store it; unknown extra properties are kept. */
export interface Message {
  id: string;
  platform: string;
  channel: Channel;
  text: string;
  lang?: string;
  createdAt: string;
  author: MessageAuthor;
  customer?: { vip?: boolean; tags?: string[]; [extra: string]: unknown };
  attachments?: Array<{ type?: string; [extra: string]: unknown }>;
  threadId?: string;
  inReplyTo?: string;
  /** What the post is (routing.md §1); when absent, derived by messageKind(). */
  kind?: MessageKind;
  /** The author id of the post this one answers, when the network says. */
  inReplyToAuthorId?: string;
  [extra: string]: unknown;
}

export const MESSAGE_KINDS = ['post', 'reply', 'quote', 'repost', 'dm'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Tier = 0 | 1 | 2;

export interface DecisionSpec {
  tier: Tier;
  team: string;
  priority?: Priority;
  tags?: string[];
  reply?: { text: string };
  /** Noise (reposts, spam, our own echoes): the case is stored with status `suppressed`. */
  suppress?: boolean;
}

export interface WithinValue {
  tz: string;
  days: Weekday[];
  from: string;
  to: string;
}

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export interface LeafCondition {
  field: string;
  op: string;
  value: unknown;
  flags?: string;
}

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | LeafCondition;

export interface Rule {
  id: string;
  name?: string;
  enabled?: boolean;
  when: Condition;
  then: DecisionSpec;
}

export interface RuleSet {
  name?: string;
  rules: Rule[];
  fallback: DecisionSpec;
  /** Where national phone numbers are read (ISO 3166-1 alpha-2, default ["US"]). */
  locale?: { regions: string[] };
}

export type TraceResult = 'matched' | 'no-match' | 'disabled';

export interface TraceEntry {
  ruleId: string;
  result: TraceResult;
}

/** What the router decides for one message (the CLI's output line, minus CLI extras). */
export interface Decision {
  id: string;
  ruleId: string | null;
  tier: Tier;
  team: string;
  priority: Priority;
  tags: string[];
  reply?: string;
  /** Present (true) only when the decision suppresses the message. */
  suppress?: true;
  trace?: TraceEntry[];
}

/** A problem found in a rule set or a message, located by JSON Pointer. */
export interface PointedError {
  pointer: string;
  message: string;
}

export interface LintWarning {
  ruleId: string;
  /** Ids of the other rules involved (e.g. the shadowing rule). */
  related: string[];
  message: string;
}
