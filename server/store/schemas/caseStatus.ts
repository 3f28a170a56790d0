/**
 * A case's life cycle (api.md `Case.status`). Its own file, free of imports,
 * so the client's type-only import of the case presenter's shape does not
 * pull mongoose in.
 */
export const CASE_STATUSES = ['new', 'open', 'pending', 'resolved', 'bot', 'suppressed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The statuses people may set (PATCH /api/cases/:id): `bot` and `suppressed` are entered only by routing
 * (a suppress decision, routing.md §2); an agent reopens a suppressed case by setting it `open`.
 */
export const SETTABLE_CASE_STATUSES = ['new', 'open', 'pending', 'resolved'] as const satisfies ReadonlyArray<Exclude<CaseStatus, 'bot' | 'suppressed'>>;

/** Statuses a case list leaves out unless they are asked for by name (noise: reposts, our own echoes). */
export const UNLISTED_CASE_STATUSES: readonly CaseStatus[] = ['suppressed'];
