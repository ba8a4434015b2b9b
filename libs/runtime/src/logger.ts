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

/** Lines wait at most this long in the buffer before they are written. */
export const LOG_FLUSH_MS = 100;
/** A buffer this full is written at once. */
const LOG_BUFFER_BYTES = 4096;
const ERROR_LEVEL = 50;

/**
 * JSON lines on stdout, buffered: one write per 4 KiB or 100 ms rather than one per line. With a
 * line per request, a write (and the reader's wake-up) each was a tenth of a proxied GET's CPU.
 * Errors are written at once; the buffer is written on exit (pino) and on shutdown (flushLogger).
 * `fd`: stdout unless a test says otherwise.
 */
export function createLogger(level: string, name: string, fd = 1): Logger {
  const options = { level, name, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (level === 'silent') return pino(options);
  const destination = pino.destination({ fd, sync: false, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_MS });
  return pino(
    {
      ...options,
      hooks: {
        logMethod(args, method, lineLevel) {
          method.apply(this, args);
          // An error line must not wait for the next line or the timer: it may be the last one.
          if (lineLevel >= ERROR_LEVEL) destination.flush();
        },
      },
    },
    destination,
  );
}

/**
 * Writes what the logger still buffers, synchronously: for shutdown, as Nest's shutdown hooks end
 * in a re-raised signal that skips the exit handlers pino flushes in.
 */
export function flushLogger(logger: Logger): void {
  const stream = (logger as unknown as Record<symbol, { flushSync?: () => void } | undefined>)[pino.symbols.streamSym];
  try {
    stream?.flushSync?.();
  } catch {
    // Not open yet or being written asynchronously: pino's exit handler writes the rest.
  }
}
