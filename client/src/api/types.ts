/** Shapes of the HTTP API and live events (../shared/spec/api.md), as the client reads them. */
// Type-only: the case (with its routing trace, messages and events), the user, the monitored thread and presence are the server's own shapes (their files import nothing the browser build lacks), so the two cannot drift.
import type { PresentedCase } from '../../../server/presenters/presentedCase.js';
import type { PresentedCaseEvent } from '../../../server/presenters/presentedCaseEvent.js';
import type { PresentedMessage } from '../../../server/presenters/presentedMessage.js';
import type { PresentedUser } from '../../../server/presenters/presentedPeople.js';
import type { PresentedThread, PresentedThreadMessage } from '../../../server/presenters/presentedThread.js';
import type { CaseSort } from '../../../server/cases/caseSorts.js';
import type { SessionAnswer } from '../../../server/routes/session/bodies.js';
import type { ThreadListAnswer } from '../../../server/routes/monitor/bodies.js';
import type { CaseDetailAnswer, CaseListAnswer, CaseListFilters, CaseWithTrace, PatchCaseBody } from '../../../server/routes/cases/bodies.js';

export type Role = PresentedUser['role'];
export type Tier = PresentedCase['tier'];
export type CaseStatus = PresentedCase['status'];
export type Priority = PresentedCase['priority'];
export type Channel = PresentedCase['channel'];

// The server's own lists, in its order (values: both files import nothing but types).
export { CASE_STATUSES, SETTABLE_CASE_STATUSES } from '../../../server/store/schemas/caseStatus.js';
export { PRIORITIES, TIERS } from '../../../server/store/schemas/enums.js';

/** The logged-in user as the session answers carry it (the server's PresentedUser). */
export type User = PresentedUser;

/** What logging in and GET /api/session answer: the server's SessionAnswer. */
export type Session = SessionAnswer;

/**
 * A case as GET /api/cases and `case:upsert` send it (the server's
 * PresentedCase); the case detail may add `routing.trace` (the server's CaseWithTrace).
 */
export type Case = CaseWithTrace;

/** A message of a case's thread: the customer's, or one of ours (a reply, which has a delivery status): the server's PresentedMessage. */
export type ThreadMessage = PresentedMessage;

/**
 * An entry of a case's audit trail (the server's PresentedCaseEvent). Its type
 * may also be one this client does not know yet (a tab left open across an
 * update): the history then shows the type's name.
 */
export type CaseEvent = Omit<PresentedCaseEvent, 'type'> & { type: PresentedCaseEvent['type'] | (string & {}) };

/** GET /api/cases/:id (the server's CaseDetailAnswer), its events as CaseEvent. */
export type CaseDetail = Omit<CaseDetailAnswer, 'events'> & { events: CaseEvent[] };

/** A page of GET /api/cases: the server's CaseListAnswer. */
export type CasePage = CaseListAnswer;

/** The inbox's sort orders: newest activity first (the server's default), or soonest response-time target first. */
export type { CaseSort } from '../../../server/cases/caseSorts.js';

/** The inbox filters ('' or absent = any): GET /api/cases's own (the server's CaseListFilters), as they are named there, and the sort. */
export type CaseFilters = { [Name in keyof CaseListFilters]?: CaseListFilters[Name] | '' } & { sort?: CaseSort };

/** A PATCH /api/cases/:id body: the server's PatchCaseBody. */
export type CasePatch = PatchCaseBody;

/** A public post of a monitored thread (text and author masked by the server): the server presenter's shape. */
export type MonitorMessage = PresentedThreadMessage;

/** A public thread as the monitor shows it (GET /api/monitor/threads, `thread:upsert`): the server presenter's shape. */
export type MonitorThread = PresentedThread;

/** A page of GET /api/monitor/threads: the server's ThreadListAnswer. */
export type MonitorPage = ThreadListAnswer;

/** One rule of a case's routing trace as GET /api/cases/:id gives it: why an earlier rule did not match (`why`, `pointer` into the rule set). */
export type { RoutingTraceStep } from '../../../server/cases/routingTraceStep.js';

/** Someone with the same case open (live `case:presence`), and what they may be writing. */
export type { CaseViewer, TypingWhat } from '../../../server/realtime/presenceShapes.js';
