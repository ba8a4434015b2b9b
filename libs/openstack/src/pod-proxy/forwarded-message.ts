// The header and body rules of forwarding, pure: what podgate sends a pod and what it keeps of the answer.
import type { IncomingHttpHeaders } from 'node:http';
import { GLOBAL_REQUEST_ID_HEADER } from '../pod-http/pod-http';

/** RFC 9110 section 7.6.1 connection-specific headers, plus the ones Node computes itself. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'host',
]);

const GLOBAL_REQUEST_ID = GLOBAL_REQUEST_ID_HEADER.toLowerCase();

export interface OutgoingParts {
  readonly token: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly globalRequestId?: string;
  /** Already serialised. */
  readonly payload?: string;
}

/** The request headers for a pod: the caller's extras, then what only podgate decides. */
export function outgoingHeaders(parts: OutgoingParts): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (parts.headers) {
    for (const name in parts.headers) {
      const lower = name.toLowerCase();
      if (!HOP_BY_HOP.has(lower)) headers[lower] = parts.headers[name];
    }
  }
  if (parts.payload !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(parts.payload));
  }
  if (parts.globalRequestId) headers[GLOBAL_REQUEST_ID] = parts.globalRequestId;
  // SECURITY: set last so no extra header can replace or duplicate the caller's token.
  headers['x-auth-token'] = parts.token;
  return headers;
}

/** The answer's headers for the caller: lower-case, single strings, connection-specific ones gone. */
export function keptResponseHeaders(incoming: IncomingHttpHeaders): Record<string, string> {
  const named = connectionNamed(incoming.connection);
  const kept: Record<string, string> = {};
  for (const name in incoming) {
    const value = incoming[name];
    if (value === undefined || HOP_BY_HOP.has(name) || named?.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}

/** `Connection: close, x-foo` makes x-foo hop-by-hop too (RFC 9110 section 7.6.1). */
function connectionNamed(connection: string | undefined): Set<string> | undefined {
  if (!connection || /^\s*(close|keep-alive)\s*$/i.test(connection)) return undefined;
  return new Set(connection.split(',').map((token) => token.trim().toLowerCase()));
}

/** Parsed JSON when the pod said JSON (text if it lied), the text otherwise, undefined when empty. */
export function decodeBody(contentType: string | undefined, raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType && /[/+]json\b/i.test(contentType)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
