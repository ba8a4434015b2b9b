import type { SchemaViolation } from './nova-json-schema';
import { pyRepr, pyStr, type ReprReplacer } from './python-repr';

/**
 * SECURITY: fields whose values are secrets: the server's admin password, its user data (cloud-init
 * often carries credentials) and injected file contents. Nova echoes them in its 400s; podgate
 * prints `***` instead (oslo's mask_password convention), wherever they sit in the echoed value.
 */
const SECRET_KEYS: ReadonlySet<string> = new Set(['adminPass', 'user_data', 'contents']);
const MASK = '***';

const maskSecrets: ReprReplacer = (key, value) => (SECRET_KEYS.has(key) ? MASK : value);

/** Nova does not shorten; podgate does, so a megabyte of junk is not answered with two. */
const MAX_SHOWN = 2048;
const shorten = (text: string): string => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);

/**
 * Nova's 400 detail for a schema violation (validators.py `_SchemaValidator.validate`): the
 * InvalidName message for names, "Invalid input for field/attribute <last path key>. Value: <str>.
 * <jsonschema message>" below the top level, the bare message at the top level.
 */
export function invalidInputDetail(violation: SchemaViolation): string {
  if (violation.invalidNameReason)
    return `An invalid 'name' value was provided. The name must be: ${violation.invalidNameReason}`;
  const secret = violation.path.some((segment) => typeof segment === 'string' && SECRET_KEYS.has(segment));
  const repr = (value: unknown): string => (secret ? MASK : shorten(pyRepr(value, maskSecrets)));
  const message = violation.message(repr);
  if (violation.path.length === 0) return message;
  const field = violation.path[violation.path.length - 1];
  const value = secret ? MASK : shorten(pyStr(violation.instance, maskSecrets));
  return `Invalid input for field/attribute ${String(field)}. Value: ${value}. ${message}`;
}
