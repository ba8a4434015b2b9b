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
  return /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Query read timeout|PGlite is closed/i.test(
    message,
  );
}
