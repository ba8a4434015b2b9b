// Query-string helpers. Fastify turns a repeated key (`sort_key=a&sort_key=b`) into an array.
import { badRequest } from './openstack-error';

export type Query = Record<string, string | string[] | undefined>;

export const asQuery = (raw: unknown): Query => (raw ?? {}) as Query;

export function queryList(query: Query, key: string): string[] {
  const value = query[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The last value wins, as in webob's `GET.get`. */
export function queryOne(query: Query, key: string): string | undefined {
  const values = queryList(query, key);
  return values[values.length - 1];
}

export function queryBool(query: Query, key: string): boolean | undefined {
  const value = queryOne(query, key);
  if (value === undefined) return undefined;
  if (/^(1|t|true|on|y|yes)$/i.test(value)) return true;
  if (/^(0|f|false|off|n|no)$/i.test(value)) return false;
  throw badRequest(`Invalid value '${value}' for ${key}: it must be a boolean`);
}
