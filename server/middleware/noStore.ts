import type { RequestHandler } from 'express';

/** Cache-Control: no-store, for responses holding personal data or tokens (no shared or browser cache keeps them). */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};
