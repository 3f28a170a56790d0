/**
 * What every error answers (the error handler's body): a stable code, a
 * message for people, and details such as the problems at JSON Pointers.
 * This file imports nothing: the client uses ApiError and ErrorAnswer too.
 */
export interface ErrorAnswer {
  error: { code: string; message: string; details?: unknown };
}

/** An error with an HTTP status and a stable code, answered as {"error":{code,message,details}} (ErrorAnswer). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, 'bad_request', message, details);
export const unauthorized = (message = 'log in first') => new ApiError(401, 'unauthorized', message);
export const forbidden = (message = 'not allowed') => new ApiError(403, 'forbidden', message);
export const notFound = (what = 'resource') => new ApiError(404, 'not_found', `${what} not found`);
export const conflict = (message: string, details?: unknown) => new ApiError(409, 'conflict', message, details);
export const payloadTooLarge = (message: string) => new ApiError(413, 'payload_too_large', message);
export const unprocessable = (message: string, details?: unknown) => new ApiError(422, 'invalid', message, details);
export const tooManyRequests = (message: string) => new ApiError(429, 'rate_limited', message);
