import { DomainError } from '@podgate/kernel';
import type { SortKey } from '../../../api/federation/federated-list';
import type { QueryPairs } from '../../../api/links';
import { atLeast, type VersionLike } from '../../../api/microversion';

/** A volume-list query Cinder refuses before it lists anything; Cinder's words. */
export class InvalidVolumeListQueryError extends DomainError {
  readonly code = 'VOLUMES.INVALID_LIST_QUERY';
  readonly kind = 'badRequest';
}

/** Cinder's CONF.osapi_max_limit default: the page size when none is asked, and the most ever given. */
export const VOLUME_MAX_LIMIT = 1000;

export interface VolumeListParams {
  readonly limit: number;
  /** Whether the client named a limit (Cinder's next-link rule differs without one). */
  readonly limitGiven: boolean;
  readonly marker?: string;
  /** Items of the merged list skipped before the page (Cinder's `offset`). */
  readonly offset: number;
  /** The order the pods sort in (Cinder's keys after its defaults created_at and id), for the merge. */
  readonly sortKeys: readonly SortKey[];
  /** The client's query pairs, in order: the pods get them with their own limit and marker, the next link all of them. */
  readonly pairs: QueryPairs;
}

const TRUE_WORDS = ['1', 't', 'true', 'on', 'y', 'yes'];
const FALSE_WORDS = ['0', 'f', 'false', 'off', 'n', 'no'];
const DB_MAX_INT = 0x7fffffff;

/**
 * GET /volumes[/detail]'s query as Cinder reads it (api/common.py get_pagination_params,
 * get_sort_params; db process_sort_params with default keys created_at and id): what the merge
 * needs. Webob's MultiDict.pop takes a repeated name's first value. Filters go to the pods as they are.
 */
export function parseVolumeListQuery(rawQuery: string): VolumeListParams {
  const pairs = [...new URLSearchParams(rawQuery)];
  const first = (key: string) => pairs.find(([name]) => name === key)?.[1];
  const has = (key: string) => pairs.some(([name]) => name === key);
  const rawLimit = first('limit');
  const limit = rawLimit === undefined ? VOLUME_MAX_LIMIT : Math.min(limitOf(rawLimit), VOLUME_MAX_LIMIT);
  const marker = first('marker');
  return {
    limit,
    limitGiven: rawLimit !== undefined,
    ...(marker === undefined ? {} : { marker }),
    offset: offsetOf(first('offset')),
    sortKeys: sortKeysOf(pairs, has),
    pairs,
  };
}

/**
 * Whether the query asks for every tenant's volumes (utils.get_bool_param: the last value, strict).
 * Only for callers who may: Cinder drops the filter for the others before reading it.
 */
export const isAllTenants = (pairs: QueryPairs): boolean => boolParamOf(pairs, 'all_tenants');

/**
 * Whether a list asks for the total count (3.45+ `with_count`, read as get_bool_param reads it);
 * below 3.45 Cinder takes it for a filter, which goes to the pods with the others.
 */
export const isWithCount = (pairs: QueryPairs, version: VersionLike): boolean =>
  atLeast(version, '3.45') && boolParamOf(pairs, 'with_count');

/** Cinder's utils.get_bool_param: the last value of the name (webob's MultiDict.get), strict, absent = false. */
function boolParamOf(pairs: QueryPairs, name: string): boolean {
  const value = pairs.filter(([key]) => key === name).at(-1)?.[1];
  if (value === undefined) return false;
  const word = value.toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  throw new InvalidVolumeListQueryError(`Value '${value}' for '${name}' is not a boolean.`);
}

/** Python's int(): optional sign and blanks around decimal digits (underscores between them). */
function pythonInt(text: string): number | null {
  const trimmed = text.trim();
  return /^[+-]?\d+(_\d+)*$/.test(trimmed) ? Number(trimmed.replaceAll('_', '')) : null;
}

function limitOf(raw: string): number {
  const limit = pythonInt(raw);
  if (limit === null) throw new InvalidVolumeListQueryError('limit param must be an integer');
  if (limit < 0) throw new InvalidVolumeListQueryError('limit param must be positive');
  return limit;
}

/** api_utils.validate_integer(offset, 'offset', 0, DB_MAX_INT), Cinder's words. */
function offsetOf(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const offset = pythonInt(raw);
  if (offset === null) throw new InvalidVolumeListQueryError('offset must be an integer.');
  if (offset < 0) throw new InvalidVolumeListQueryError('offset must be >= 0.');
  if (offset > DB_MAX_INT) throw new InvalidVolumeListQueryError(`offset must be <= ${DB_MAX_INT}.`);
  return offset;
}

function sortKeysOf(pairs: QueryPairs, has: (key: string) => boolean): SortKey[] {
  if (has('sort') && (has('sort_key') || has('sort_dir')))
    throw new InvalidVolumeListQueryError(
      "The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be used with the 'sort' parameter.",
    );
  const first = (key: string) => pairs.find(([name]) => name === key)?.[1];
  const keys: string[] = [];
  const dirs: string[] = [];
  const sort = first('sort');
  if (sort !== undefined) {
    for (const part of sort.trim().split(',')) {
      const at = part.indexOf(':');
      keys.push((at < 0 ? part : part.slice(0, at)).trim());
      dirs.push((at < 0 || at === part.length - 1 ? 'desc' : part.slice(at + 1)).trim());
    }
  } else {
    keys.push((first('sort_key') ?? 'created_at').trim());
    dirs.push((first('sort_dir') ?? 'desc').trim());
  }
  // The REST name of display_name; the pods sort by the column, so the merge does too.
  return processSortParams(
    keys.map((key) => (key === 'name' ? 'display_name' : key)),
    dirs,
  );
}

/** db/sqlalchemy/api.py process_sort_params with default keys created_at and id. */
function processSortParams(keys: readonly string[], dirs: readonly string[]): SortKey[] {
  for (const dir of dirs)
    if (dir !== 'asc' && dir !== 'desc')
      throw new InvalidVolumeListQueryError("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'.");
  const defaultDir = dirs[0] as SortKey['dir'];
  const result = keys.map((key, i) => ({ key, dir: (dirs[i] ?? defaultDir) as SortKey['dir'] }));
  for (const key of ['created_at', 'id']) if (!keys.includes(key)) result.push({ key, dir: defaultDir });
  return result;
}

/** Who may list every tenant's volumes, snapshots, backups (Cinder drops all_tenants for the others). */
export const VOLUME_ALL_TENANTS_RULE = 'volume:all_tenants';
