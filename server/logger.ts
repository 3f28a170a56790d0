import { pino, type Logger } from 'pino';

/** The one structured logger; tokens, secrets, cookies and message bodies are redacted. */
export const logger: Logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' || process.env.VITEST ? 'silent' : 'info'),
  redact: {
    paths: [
      'req.headers.authorization',
      'req.headers.cookie',
      'password',
      '*.password',
      'token',
      '*.token',
      'secret',
      '*.secret',
      'text',
      '*.text',
      'message.text',
    ],
    censor: '[redacted]',
  },
});
