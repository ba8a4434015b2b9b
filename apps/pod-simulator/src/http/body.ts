// Small readers for OpenStack request bodies. They raise 400s worded like Nova's JSON-schema
// validation ("Invalid input for field/attribute ..."), which clients print to users verbatim.
import { badRequest } from './openstack-error';

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (field: string, value: unknown, reason: string) =>
  badRequest(`Invalid input for field/attribute ${field}. Value: ${JSON.stringify(value) ?? 'None'}. ${reason}`);

/** `{"server": {...}}` -> the inner object, or 400 when the wrapper is missing. */
export function envelope(body: unknown, key: string): Json {
  if (!isObject(body) || !(key in body))
    throw badRequest(`Invalid input for field/attribute ${key}. Value: None. '${key}' is a required property`);
  const inner = body[key];
  if (!isObject(inner)) throw invalid(key, inner, `${JSON.stringify(inner)} is not of type 'object'`);
  return inner;
}

/** JSON null reads as "not given": python clients send `"snapshot_id": null` for unset fields. */
export function optionalString(obj: Json, key: string, maxLength = 255): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(key, value, `${JSON.stringify(value)} is not of type 'string'`);
  if (value.length > maxLength) throw invalid(key, value, `'${value}' is too long`);
  return value;
}

export function requiredString(obj: Json, key: string, maxLength = 255): string {
  const value = optionalString(obj, key, maxLength);
  if (value === undefined)
    throw badRequest(`Invalid input for field/attribute ${key}. Value: None. '${key}' is a required property`);
  return value;
}

export function optionalNullableString(obj: Json, key: string, maxLength = 255): string | null | undefined {
  return obj[key] === null ? null : optionalString(obj, key, maxLength);
}

/** Integers may arrive as JSON numbers or numeric strings (novaclient sends both). */
export function optionalInt(obj: Json, key: string, min = 0): number | undefined {
  const raw = obj[key];
  if (raw === undefined || raw === null) return undefined;
  const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw invalid(key, raw, `${JSON.stringify(raw)} is not of type 'integer', 'string'`);
  if (value < min) throw invalid(key, raw, `${value} is less than the minimum of ${min}`);
  return value;
}

export function optionalBool(obj: Json, key: string): boolean | undefined {
  const raw = obj[key];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'string' && /^(true|false|1|0|yes|no|on|off)$/i.test(raw)) return /^(true|1|yes|on)$/i.test(raw);
  throw invalid(key, raw, `${JSON.stringify(raw)} is not of type 'boolean'`);
}

/** Metadata maps: string keys (1-255) to string values (0-255), as Nova and Cinder require. */
export function stringMap(value: unknown, field: string): Record<string, string> {
  if (!isObject(value)) throw invalid(field, value, `${JSON.stringify(value)} is not of type 'object'`);
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.length < 1 || key.length > 255) throw invalid(field, value, `'${key}' does not match any of the regexes`);
    if (typeof item !== 'string') throw invalid(field, value, `${JSON.stringify(item)} is not of type 'string'`);
    if (item.length > 255) throw invalid(field, value, `'${item}' is too long`);
    result[key] = item;
  }
  return result;
}

/** The single key of an action body: `{"os-stop": null}` -> `os-stop`. */
export function actionName(body: unknown): string {
  if (!isObject(body)) throw badRequest('Malformed request body');
  const keys = Object.keys(body);
  if (keys.length !== 1) throw badRequest('Malformed request body');
  return keys[0] as string;
}
