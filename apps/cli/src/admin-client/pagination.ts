import { CliError } from '../cli-errors';
import type { AdminHttp, ApiRequest, Query } from './admin-http';

/** The API's largest page (the contract's `limit` maximum). */
export const MAX_PAGE_SIZE = 1000;

/**
 * Every item of a list, following `<collection>_links` "next" until the end or until `limit`
 * items, like the nova client does with `--limit -1`.
 */
export async function listAll<T>(http: AdminHttp, request: ApiRequest, collection: string, limit?: number): Promise<T[]> {
  const items: T[] = [];
  const pagesSeen = new Set<string>();
  let query: Query = { ...request.query, limit: pageSize(limit, 0) };
  for (;;) {
    const page = await http.send<Record<string, unknown>>({ ...request, query });
    const batch = page?.[collection];
    if (!Array.isArray(batch)) throw new CliError(`${http.service} answered without a "${collection}" list`);
    items.push(...(batch as T[]));
    if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
    const next = nextPageQuery(page[`${collection}_links`]);
    if (!next || batch.length === 0) return items;
    const key = new URLSearchParams(next).toString();
    if (pagesSeen.has(key)) throw new CliError(`${http.service} returned the same next page twice (${key})`);
    pagesSeen.add(key);
    query = { ...next, limit: limit === undefined ? next.limit : pageSize(limit, items.length) };
  }
}

const pageSize = (limit: number | undefined, have: number): number | undefined =>
  limit === undefined ? undefined : Math.min(limit - have, MAX_PAGE_SIZE);

/**
 * The query of the "next" link. SECURITY: only its query is reused, against the gateway we were
 * configured with, so a link naming another host never receives our token.
 */
export function nextPageQuery(links: unknown): Record<string, string> | undefined {
  if (!Array.isArray(links)) return undefined;
  const next = links.find((link: { rel?: unknown }) => link?.rel === 'next') as { href?: unknown } | undefined;
  if (typeof next?.href !== 'string') return undefined;
  try {
    return Object.fromEntries(new URL(next.href, 'http://relative.invalid').searchParams);
  } catch {
    return undefined;
  }
}
