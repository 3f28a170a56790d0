import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError, notFound, type ErrorAnswer } from '../errors.js';
import { logger } from '../logger.js';

/** Turns errors into {"error":{code,message,details}}; unexpected errors are logged and their internals hidden. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  if (error instanceof ApiError) {
    res.status(error.status).json({ error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } } satisfies ErrorAnswer);
    return;
  }
  const status = (error as { status?: number; type?: string }).status;
  if (status === 413) {
    res.status(413).json({ error: { code: 'payload_too_large', message: 'request body is too large' } } satisfies ErrorAnswer);
    return;
  }
  // Express could not decode a route parameter (e.g. /api/rules/versions/%E0): the client's mistake, not ours.
  if (status === 400 && error instanceof URIError) {
    res.status(400).json({ error: { code: 'bad_request', message: `the path holds malformed percent-encoding: ${req.originalUrl.split('?')[0]}` } } satisfies ErrorAnswer);
    return;
  }
  if (status === 400 && (error as { type?: string }).type === 'entity.parse.failed') {
    res.status(400).json({ error: { code: 'bad_json', message: `request body is not valid JSON: ${(error as Error).message}` } } satisfies ErrorAnswer);
    return;
  }
  logger.error({ err: error }, 'unexpected error');
  res.status(500).json({ error: { code: 'internal', message: 'internal error' } } satisfies ErrorAnswer);
};

/** 404 for unknown API paths, named in full (this handler is mounted under /api, where req.path lacks it). */
export const apiNotFound: RequestHandler = (req, _res, next) => next(notFound(`route ${req.method} ${req.baseUrl}${req.path}`));
