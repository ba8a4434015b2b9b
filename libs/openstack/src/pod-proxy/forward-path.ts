import { DomainError } from '@podgate/kernel';

/** A path or query podgate will not pass on: it could name another resource than the one podgate checked. */
export class ForwardPathInvalidError extends DomainError {
  readonly code = 'OPENSTACK.FORWARD_PATH_INVALID';
  readonly kind = 'badRequest';
  constructor(reason: string, part: 'path' | 'query' = 'path') {
    super(`The request ${part} is not valid: ${reason}.`);
  }
}

/** Anything else Node's http client refuses to send (a header value, the method): never a 500, never the value. */
export class ForwardRequestInvalidError extends DomainError {
  readonly code = 'OPENSTACK.FORWARD_REQUEST_INVALID';
  readonly kind = 'badRequest';
  constructor(reason: string) {
    super(`The request cannot be forwarded: ${reason}.`);
  }
}

// RFC 3986 section 3.3: pchar = unreserved / pct-encoded / sub-delims / ":" / "@"; plus "/" between
// segments, and "?" within a query (section 3.4).
const PATH_CHARS = "A-Za-z0-9\\-._~!$&'()*+,;=:@/";
const PLAIN_PATH = new RegExp(`^/[${PATH_CHARS}]*$`);
const PLAIN_QUERY = new RegExp(`^[${PATH_CHARS}?]*$`);
const PATH_CHAR = new RegExp(`[${PATH_CHARS}]`);
const QUERY_CHAR = new RegExp(`[${PATH_CHARS}?]`);
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const NEVER_IN_QUERY = /[\u0000-\u001f\u007f#]/;
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

/** A whole segment of `.` or `..`, also percent-encoded: a pod would resolve it above the routed resource. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
/**
 * Encoded `/` and `\` let a segment turn into two at a layer that decodes before routing (some
 * proxies and WSGI servers do; Windows-minded ones split on `\`); NUL truncates in C code.
 */
const ENCODED_SEPARATOR = /%(?:2f|5c|00)/i;
const ESCAPE = /%([0-9A-Fa-f]{2})/g;

const REASONS = {
  start: "it must start with '/'",
  raw: 'it holds a character that must be percent-encoded',
  malformed: 'it holds a malformed percent-encoding',
  unicode: 'it holds text that is not valid Unicode',
  separator: "it holds an encoded '/', '\\' or NUL",
  dots: "'.' and '..' segments are not allowed",
};

/**
 * The path to send below the pod's service root, or ForwardPathInvalidError.
 * SECURITY: podgate authorises a call by its path (routing, tenant checks) before forwarding it, so
 * the pod must see that same path and no other: only RFC 3986 path characters and well-formed
 * escapes, no encoded separators, and no dot segment, neither as sent nor once decoded (against a
 * layer that decodes twice). Non-ASCII text (unicode tags and metadata keys, from route parameters)
 * is sent as its UTF-8 percent-encoding, as a client would have sent it.
 */
export function forwardablePath(path: string): string {
  if (!path.startsWith('/')) throw new ForwardPathInvalidError(REASONS.start);
  const sent = PLAIN_PATH.test(path) ? path : encodedPath(path);
  for (const segment of sent.split('/')) {
    if (!segment.includes('.') && !segment.includes('%')) continue;
    const once = segment.includes('%') ? decodedOnce(segment) : segment;
    if (ENCODED_SEPARATOR.test(segment) || ENCODED_SEPARATOR.test(once)) throw new ForwardPathInvalidError(REASONS.separator);
    if (DOT_SEGMENT.test(segment) || DOT_SEGMENT.test(once)) throw new ForwardPathInvalidError(REASONS.dots);
  }
  return sent;
}

/**
 * The raw query to send (without '?'), or ForwardPathInvalidError. Escapes pass as they are (a
 * query may hold an encoded `/`), except NUL; characters a query may not hold raw are encoded, which
 * the pod decodes back to the same text; a fragment or control character is refused.
 */
export function forwardableQuery(query: string): string {
  if (PLAIN_QUERY.test(query)) return query;
  if (NEVER_IN_QUERY.test(query)) throw new ForwardPathInvalidError(REASONS.raw, 'query');
  let out = '';
  for (let i = 0; i < query.length; i += 1) {
    const char = query[i];
    if (char === '%') {
      const hex = query.slice(i + 1, i + 3);
      if (!HEX_PAIR.test(hex)) {
        out += '%25'; // a lone '%' is literal text to Nova's parser (urllib.parse.unquote) too
        continue;
      }
      if (hex === '00') throw new ForwardPathInvalidError(REASONS.separator, 'query');
      out += `%${hex}`;
      i += 2;
    } else if (QUERY_CHAR.test(char)) out += char;
    else [out, i] = withEncoded(query, i, out, 'query');
  }
  return out;
}

function encodedPath(path: string): string {
  let out = '';
  for (let i = 0; i < path.length; i += 1) {
    const char = path[i];
    if (char === '%') {
      if (!HEX_PAIR.test(path.slice(i + 1, i + 3))) throw new ForwardPathInvalidError(REASONS.malformed);
      out += path.slice(i, i + 3);
      i += 2;
    } else if (PATH_CHAR.test(char)) out += char;
    else if (char.charCodeAt(0) < 0x80) throw new ForwardPathInvalidError(REASONS.raw);
    else [out, i] = withEncoded(path, i, out, 'path');
  }
  return out;
}

/** Appends the UTF-8 escapes of the character at `i` (a surrogate pair counts as one); returns the last index used. */
function withEncoded(text: string, i: number, out: string, part: 'path' | 'query'): [string, number] {
  const code = text.codePointAt(i) as number;
  const width = code > 0xffff ? 2 : 1;
  try {
    return [out + encodeURIComponent(text.slice(i, i + width)), i + width - 1];
  } catch {
    throw new ForwardPathInvalidError(REASONS.unicode, part); // a lone surrogate
  }
}

/** One round of percent-decoding, byte for byte (never fails on invalid UTF-8): what a pod's router sees. */
function decodedOnce(segment: string): string {
  return segment.replace(ESCAPE, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
