/**
 * A case's life cycle (api.md `Case.status`). Its own file, free of imports,
 * so the client's type-only import of the case presenter's shape does not
 * pull mongoose in.
 */
export const CASE_STATUSES = ['new', 'open', 'pending', 'resolved', 'bot'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The statuses people may set (PATCH /api/cases/:id): `bot` is the bot's own, entered only by routing. */
export const SETTABLE_CASE_STATUSES = ['new', 'open', 'pending', 'resolved'] as const satisfies ReadonlyArray<Exclude<CaseStatus, 'bot'>>;
