import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError, notFound, type ErrorAnswer } from '../errors.js';
import { logger } from '../logger.js';

/** Turns errors into {"error":{code,message,details}}; unexpected errors are logged and their internals hidden. */
export const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  if (error instanceof ApiError) {
    res.status(error.status).json({ error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } } satisfies ErrorAnswer);
    return;
  }
  const status = (error as { status?: number; type?: string }).status;
  if (status === 413) {
    res.status(413).json({ error: { code: 'payload_too_large', message: 'request body is too large' } } satisfies ErrorAnswer);
    return;
  }
  if (status === 400 && (error as { type?: string }).type === 'entity.parse.failed') {
    res.status(400).json({ error: { code: 'bad_json', message: `request body is not valid JSON: ${(error as Error).message}` } } satisfies ErrorAnswer);
    return;
  }
  logger.error({ err: error }, 'unexpected error');
  res.status(500).json({ error: { code: 'internal', message: 'internal error' } } satisfies ErrorAnswer);
};

/** 404 for unknown API paths. */
export const apiNotFound: RequestHandler = (req, _res, next) => next(notFound(`route ${req.method} ${req.path}`));
