import pino, { type Logger } from 'pino';

/**
 * SECURITY: tokens and passwords must never reach a log line. These paths cover the request and
 * response headers pino-http logs and the places our own code might log a body or an auth object.
 */
export const REDACTED_PATHS = [
  'req.headers["x-auth-token"]',
  'req.headers["x-subject-token"]',
  'req.headers["x-service-token"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["x-subject-token"]',
  '*.password',
  '*.token',
  // A command or request context logged whole carries the caller's token (RequestContext.token).
  '*.context.token',
  'context.token',
  'command.context.token',
  // Axios errors carry the request's headers in config.headers and its body (a password
  // authentication's, say) in config.data, as a string pino cannot look into: all of it goes.
  '*.config.headers["X-Auth-Token"]',
  '*.config.headers["x-auth-token"]',
  '*.config.headers["X-Subject-Token"]',
  '*.config.headers["x-subject-token"]',
  '*.config.data',
  'auth.identity.password.user.password',
];

export function createLogger(level: string, name: string): Logger {
  return pino({ level, name, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}
