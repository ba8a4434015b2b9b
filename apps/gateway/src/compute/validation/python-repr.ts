/**
 * Python's `repr()` and `str()` of a JSON value, as Nova's 400s print them: jsonschema's messages
 * are `f"{instance!r} is not of type ..."` and Nova's "Value: %(value)s" is `str(instance)`. A client
 * or test that compares our 400s with Nova's reads the same text ({'a': True}, None, 'x').
 *
 * JSON numbers lose one distinction on the way into JavaScript: `5.0` parses as 5, so an integral
 * number prints as Python's int would.
 */

/** `replacer` may swap a value before it is printed (e.g. to mask a secret), given the key holding it. */
export type ReprReplacer = (key: string, value: unknown) => unknown;

export function pyRepr(value: unknown, replacer?: ReprReplacer): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return pyStringRepr(value);
  if (Array.isArray(value)) return `[${value.map((item) => pyRepr(item, replacer)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${pyStringRepr(key)}: ${pyRepr(replacer ? replacer(key, item) : item, replacer)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/** `str()`: a string as itself, anything else as its repr. */
export function pyStr(value: unknown, replacer?: ReprReplacer): string {
  return typeof value === 'string' ? value : pyRepr(value, replacer);
}

/** Python's float repr switches to exponent notation below 1e-4 and from 1e16, JavaScript's at 1e-7 and 1e21. */
function pyNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Number.isInteger(value)) return BigInt(value).toString();
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Characters Python's str.isprintable() refuses: Unicode "Other" and "Separator", except the ASCII space. */
const NOT_PRINTABLE = /^[\p{C}\p{Z}]$/u;

/** Python's quoting: single quotes unless the text holds a single quote and no double quote. */
export function pyStringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (ESCAPES[char]) out += ESCAPES[char];
    else if (char === quote) out += `\\${quote}`;
    else if (char !== ' ' && NOT_PRINTABLE.test(char)) out += escapeCodePoint(code);
    else out += char;
  }
  return out + quote;
}

function escapeCodePoint(code: number): string {
  if (code < 0x100) return `\\x${hex(code, 2)}`;
  if (code < 0x10000) return `\\u${hex(code, 4)}`;
  return `\\U${hex(code, 8)}`;
}

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');
