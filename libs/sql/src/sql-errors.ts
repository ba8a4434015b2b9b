/**
 * Errors that mean "the database could not be reached or answered too late", as opposed to errors
 * in what we asked. Callers turn these into 503s; everything else is a bug or a constraint.
 */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

export function isDatabaseUnavailable(error: unknown): boolean {
  // Not `instanceof Error`: socket errors can come from another realm (test sandboxes, workers).
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (CONNECTION_ERRNOS.has(code)) return true;
    // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now; 53300: too many connections.
    if (code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300') return true;
  }
  const message = String((error as { message?: unknown }).message ?? '');
  return UNAVAILABLE_MESSAGES.test(message);
}

/**
 * What pg and PGlite say, without a code, when there is no database to ask: a connection that timed
 * out, was refused or dropped ("Connection terminated unexpectedly"), a pool ended or a client
 * closed (shutting down, or broken by an earlier error), a PGlite that was closed.
 */
const UNAVAILABLE_MESSAGES = new RegExp(
  [
    'timeout exceeded when trying to connect',
    'Connection terminated',
    'connect ECONNREFUSED',
    'Query read timeout',
    'Cannot use a pool after calling end on the pool',
    'is not queryable', // "Client was closed and ...", "Client has encountered a connection error and ..."
    'PGlite is closed',
  ].join('|'),
  'i',
);

/**
 * A database error as one short line for a log: its SQLSTATE or errno and the first line of its
 * message. SECURITY: never the statement's parameters, the driver's other fields or a connection string.
 */
export function databaseErrorSummary(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error).slice(0, MAX_SUMMARY);
  const code = (error as { code?: unknown }).code;
  const message = String((error as { message?: unknown }).message ?? '').split('\n')[0];
  const summary = typeof code === 'string' && code ? `${code}: ${message}` : message;
  return summary.length > MAX_SUMMARY ? `${summary.slice(0, MAX_SUMMARY)}…` : summary;
}

const MAX_SUMMARY = 200;
