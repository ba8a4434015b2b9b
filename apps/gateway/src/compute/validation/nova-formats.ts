/**
 * The `format` checks Nova's validator runs on request bodies (servers, flavors), each reproducing the Python
 * function it names (nova/api/validation/validators.py and the libraries it calls), so a value is
 * refused here exactly when Nova refuses it.
 */

/** oslo_utils.uuidutils.is_uuid_like: also takes upper case, braces, `urn:uuid:` and dashes anywhere. */
export function isUuidLike(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const digits = stripBraces(value.replaceAll('urn:', '').replaceAll('uuid:', '')).replaceAll('-', '');
  return /^[0-9a-fA-F]{32}$/.test(digits);
}

/** Python's str.strip('{}'): every brace at either end. */
const stripBraces = (text: string): string => text.replace(/^[{}]+/, '').replace(/[{}]+$/, '');

/**
 * Python's ipaddress.IPv4Address: four dot-separated decimal octets of 1-3 ASCII digits, each at
 * most 255, no leading zero. jsonschema lets non-strings pass (the `type` keyword refuses them).
 */
export function isIpv4(value: unknown): boolean {
  return typeof value !== 'string' || parseIpv4(value) !== null;
}

function parseIpv4(text: string): number | null {
  const octets = text.split('.');
  if (octets.length !== 4) return null;
  let address = 0;
  for (const octet of octets) {
    if (!/^[0-9]{1,3}$/.test(octet) || (octet.length > 1 && octet.startsWith('0')) || Number(octet) > 255) return null;
    address = address * 256 + Number(octet);
  }
  return address;
}

const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/**
 * Python's ipaddress.IPv6Address (Lib/ipaddress.py `_ip_int_from_string`) as jsonschema's `ipv6`
 * check uses it: at most one `::`, an embedded IPv4 address allowed last, and a scope id (`%eth0`)
 * refused.
 */
export function isIpv6(value: unknown): boolean {
  if (typeof value !== 'string') return true;
  if (value === '' || value.includes('%')) return false;
  const parts = value.split(':');
  if (parts.length < 3) return false;
  if (parts[parts.length - 1].includes('.')) {
    const ipv4 = parseIpv4(parts.pop() ?? '');
    if (ipv4 === null) return false;
    parts.push(Math.floor(ipv4 / 0x10000).toString(16), (ipv4 % 0x10000).toString(16));
  }
  if (parts.length > 9) return false;
  const inner = parts.slice(1, -1);
  const emptyInner = inner.filter((part) => part === '').length;
  if (emptyInner > 1) return false;
  if (emptyInner === 0) return parts.length === 8 && parts.every((part) => HEXTET.test(part));
  const skip = inner.indexOf('') + 1;
  let high = parts.slice(0, skip);
  let low = parts.slice(skip + 1);
  // A leading or trailing ':' is allowed only as half of the '::'.
  if (parts[0] === '') {
    if (high.length !== 1) return false;
    high = [];
  }
  if (parts[parts.length - 1] === '') {
    if (low.length !== 1) return false;
    low = [];
  }
  return high.length + low.length < 8 && [...high, ...low].every((part) => HEXTET.test(part));
}

const isAscii = (text: string): boolean => [...text].every((char) => char.charCodeAt(0) < 0x80);

const BASE64_ALPHABET = /^[A-Za-z0-9+/]$/;

/**
 * oslo_serialization.base64.decode_as_bytes (Python's lenient base64.b64decode, i.e. binascii's
 * a2b_base64 outside strict mode): characters outside the alphabet are skipped, and the data must
 * end on a whole quantum or be closed by enough '=' (after which anything goes).
 *
 * Non-ASCII text makes Nova's decoder raise an error its checker does not catch (a 500 from Nova);
 * here it is simply not base64.
 */
export function isBase64(value: unknown): boolean {
  if (typeof value !== 'string' || !isAscii(value)) return false;
  let quadPosition = 0;
  let pads = 0;
  for (const char of value) {
    if (char === '=') {
      if (quadPosition >= 2 && quadPosition + ++pads >= 4) return true;
      continue;
    }
    if (!BASE64_ALPHABET.test(char)) continue;
    pads = 0;
    quadPosition = (quadPosition + 1) % 4;
  }
  return quadPosition === 0;
}

/**
 * Nova's "printable" characters (parameter_types._build_regex_range): not Unicode "Other" nor a
 * separator other than a space separator (Zs), and within U+0000..U+FFFE, the only range Nova's
 * regex spans, so a name with an emoji is refused as Nova refuses it.
 */
function isPrintable(char: string): boolean {
  return (char.codePointAt(0) ?? 0) <= 0xfffe && !/^[\p{C}\p{Zl}\p{Zp}]$/u.test(char);
}

/** What a name may not start or end with: a non-printable character or a space separator. */
const isEdgeAllowed = (char: string): boolean => isPrintable(char) && !/^\p{Zs}$/u.test(char);

/**
 * Nova's `name` format (valid_name_regex `^(?![ws])[printable]*(?<![ws])$`). Python's `$` also
 * matches before a final newline, so "web\n" passes in Nova and here.
 */
export function isValidName(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const chars = [...value];
  const body = chars[chars.length - 1] === '\n' ? chars.slice(0, -1) : chars;
  if (chars.length > 0 && !isEdgeAllowed(chars[0])) return false;
  if (body.length > 0 && !isEdgeAllowed(body[body.length - 1])) return false;
  return body.every(isPrintable);
}

/** Nova's valid_description_regex (`^[printable]*$`), spaces included anywhere; `$` as Python's. */
export function isValidDescription(value: string): boolean {
  const chars = [...value];
  return (chars[chars.length - 1] === '\n' ? chars.slice(0, -1) : chars).every(isPrintable);
}

/** The reason Nova's InvalidName carries for the `name` format. */
export const NAME_REASON = 'printable characters. Can not start or end with whitespace.';
