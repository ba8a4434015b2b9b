// limit/marker/sort as Nova and Cinder apply them: the marker is the last id of the previous page,
// and a "next" link is offered whenever a page came back full.
import { badRequest } from './openstack-error';
import { Query, queryList, queryOne } from './query';

export type SortDir = 'asc' | 'desc';

export interface SortSpec {
  key: string;
  dir: SortDir;
}

export interface PageRequest {
  limit: number;
  marker?: string;
}

export function parsePage(query: Query, maxLimit: number): PageRequest {
  const rawLimit = queryOne(query, 'limit');
  let limit = maxLimit;
  if (rawLimit !== undefined) {
    if (!/^-?\d+$/.test(rawLimit)) throw badRequest('limit param must be an integer');
    const parsed = Number(rawLimit);
    if (parsed < 0) throw badRequest('limit param must be positive');
    limit = Math.min(parsed, maxLimit);
  }
  return { limit, marker: queryOne(query, 'marker') };
}

/** Pairs `sort_key` with `sort_dir` the way Nova does: missing directions default to the first one or `desc`. */
export function parseSort(query: Query, allowedKeys: readonly string[], defaults: SortSpec[]): SortSpec[] {
  const keys = queryList(query, 'sort_key');
  const dirs = queryList(query, 'sort_dir');
  if (keys.length === 0) return defaults;
  return keys.map((key, index) => {
    if (!allowedKeys.includes(key)) throw badRequest(`Invalid input for query parameters sort_key. Value: ${key}.`);
    const dir = dirs[index] ?? dirs[0] ?? 'desc';
    if (dir !== 'asc' && dir !== 'desc') throw badRequest(`Invalid input for query parameters sort_dir. Value: ${dir}.`);
    return { key, dir };
  });
}

export type FieldReader<T> = (item: T, key: string) => string | number | boolean | null | undefined;

/** Ascending order of two values of one key. */
export type ValueOrder = (a: unknown, b: unknown) => number;

/**
 * Sorts by the given keys, always ending with `id` so the order (and thus paging) is total. Values
 * compare by `order`, by default NULL first and strings by code unit (a binary collation).
 */
export function sortItems<T extends { id: string }>(
  items: T[],
  sort: SortSpec[],
  read: FieldReader<T>,
  order: ValueOrder = compareValues,
): T[] {
  const specs = sort.some((s) => s.key === 'id') ? sort : [...sort, { key: 'id', dir: sort[0]?.dir ?? 'desc' }];
  const compare = (a: T, b: T): number => {
    for (const { key, dir } of specs) {
      const left = key === 'id' ? a.id : read(a, key);
      const right = key === 'id' ? b.id : read(b, key);
      const result = order(left, right);
      if (result !== 0) return dir === 'asc' ? result : -result;
    }
    return 0;
  };
  return [...items].sort(compare);
}

function compareValues(a: unknown, b: unknown): number {
  // Databases sort NULL first ascending; keep that so markers behave like the real thing.
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

export interface Page<T> {
  items: T[];
  /** True when the page is full, i.e. when Nova/Cinder would add a "next" link. */
  full: boolean;
}

export function paginate<T extends { id: string }>(
  sorted: T[],
  page: PageRequest,
  markerNotFound: (marker: string) => Error,
): Page<T> {
  let start = 0;
  if (page.marker !== undefined) {
    const index = sorted.findIndex((item) => item.id === page.marker);
    if (index < 0) throw markerNotFound(page.marker);
    start = index + 1;
  }
  const items = sorted.slice(start, start + page.limit);
  return { items, full: page.limit > 0 && items.length === page.limit };
}
