import { DomainError } from '@podgate/kernel';
import type { SortKey } from '../../../api/federation/federated-list';
import { type ApiVersion, atLeast } from '../../../api/microversion';

/** A server-list query Nova refuses before looking at any cell; Nova's words. */
export class InvalidServerListQueryError extends DomainError {
  readonly code = 'SERVERS.INVALID_LIST_QUERY';
  readonly kind = 'badRequest';
}

/** Nova's 403 for sorting by an admin-only key. */
export class ServerSortForbiddenError extends DomainError {
  readonly code = 'SERVERS.SORT_FORBIDDEN';
  readonly kind = 'forbidden';
  constructor(key: string) {
    super(`Only administrators can sort servers by ${key}`);
  }
}

/** Nova's CONF.api.max_limit default: the page size when none is asked, and the most ever given. */
export const MAX_LIMIT = 1000;

export interface ServerListParams {
  readonly limit: number;
  readonly marker?: string;
  /** The order the pods sort in (Nova's keys after its defaults are added), for the merge. */
  readonly sortKeys: readonly SortKey[];
  /** `all_tenants` given and true (Nova's is_all_tenants). */
  readonly allTenants: boolean;
  /** 2.69+ with no paging, sorting or filter but all_tenants: down pods answer UNKNOWN entries (Nova's _is_cell_down_supported). */
  readonly unknownForDownPods: boolean;
  /** The client's query pairs, in order; the pods get these with their own limit and marker. */
  readonly pairs: readonly (readonly [string, string])[];
}

/** Sort keys Nova drops (with their direction) instead of refusing them (schemas/servers.py). */
const IGNORED_SORT_KEYS = [
  'architecture', 'cell_name', 'cleaned', 'default_ephemeral_device', 'default_swap_device', 'deleted', 'deleted_at',
  'disable_terminate', 'ephemeral_gb', 'ephemeral_key_uuid', 'id', 'key_data', 'launched_on', 'locked', 'memory_mb',
  'os_type', 'reservation_id', 'root_gb', 'shutdown_terminate', 'user_data', 'vcpus', 'vm_mode',
]; // prettier-ignore
const ADMIN_SORT_KEYS = new Set(['host', 'node']);

/**
 * GET /servers[/detail]'s query as Nova reads it (servers.py _get_servers, common.get_sort_params,
 * db/utils.py process_sort_params): what the merge needs; every filter goes to the pods unchanged.
 */
export function parseServerListQuery(rawQuery: string, version: ApiVersion, isAdmin: boolean): ServerListParams {
  const pairs = [...new URLSearchParams(rawQuery)];
  const all = (key: string) => pairs.filter(([name]) => name === key).map(([, value]) => value);
  const last = (key: string) => all(key).at(-1);
  const limits = all('limit');
  limits.forEach(checkLimit);
  const limit = limits.length > 0 ? Math.min(Number(limits[limits.length - 1]), MAX_LIMIT) : MAX_LIMIT;
  const keys = new Set(pairs.map(([name]) => name));
  return {
    limit,
    ...(last('marker') === undefined ? {} : { marker: last('marker') }),
    sortKeys: sortKeysOf(all('sort_key'), all('sort_dir'), version, isAdmin),
    allTenants: keys.has('all_tenants') && isAllTenants(last('all_tenants') ?? ''),
    unknownForDownPods: atLeast(version, '2.69') && [...keys].every((key) => key === 'all_tenants'),
    pairs,
  };
}

function checkLimit(value: string): void {
  const reason = value === '' ? "'' is too short" : /^[0-9]+$/.test(value) ? null : `'${value}' does not match '^[0-9]*$'`;
  if (reason) throw new InvalidServerListQueryError(`Invalid input for query parameters limit. Value: ${value}. ${reason}`);
}

const TRUE_WORDS = ['1', 't', 'true', 'on', 'y', 'yes'];
const FALSE_WORDS = ['0', 'f', 'false', 'off', 'n', 'no'];

/** common.is_all_tenants: present and empty means yes; otherwise oslo's strict bool_from_string. */
function isAllTenants(value: string): boolean {
  if (value === '') return true;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  const acceptable = [...TRUE_WORDS, ...FALSE_WORDS]
    .sort()
    .map((w) => `'${w}'`)
    .join(', ');
  throw new InvalidServerListQueryError(
    `Invalid input received: Unrecognized value '${value}', acceptable values are: ${acceptable}`,
  );
}

function sortKeysOf(rawKeys: readonly string[], rawDirs: readonly string[], version: ApiVersion, isAdmin: boolean): SortKey[] {
  let keys = rawKeys.map((key) => key.trim());
  let dirs = rawDirs.map((dir) => dir.trim());
  if (keys.length === 0) keys = ['created_at'];
  if (dirs.length === 0) dirs = ['desc'];
  // remove_invalid_sort_keys: an ignored key goes with the direction at its place, if there is one.
  const ignored = atLeast(version, '2.73') ? IGNORED_SORT_KEYS.filter((key) => key !== 'locked') : IGNORED_SORT_KEYS;
  for (const key of [...keys]) {
    const at = keys.indexOf(key);
    if (ignored.includes(key)) {
      if (dirs.length > at) dirs.splice(at, 1);
      keys.splice(at, 1);
    } else if (ADMIN_SORT_KEYS.has(key) && !isAdmin) throw new ServerSortForbiddenError(key);
  }
  return processSortParams(keys, dirs);
}

/** process_sort_params with Nova's defaults (created_at; its internal id is each pod's last key). */
function processSortParams(keys: readonly string[], dirs: readonly string[]): SortKey[] {
  const defaultDir = dirs[0] ?? 'desc';
  for (const dir of dirs) {
    if (dir !== 'asc' && dir !== 'desc') {
      throw new InvalidServerListQueryError("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'");
    }
  }
  if (dirs.length > keys.length)
    throw new InvalidServerListQueryError('Invalid input received: Sort direction size exceeds sort key size');
  const result = keys.map((key, i) => ({ key, dir: (dirs[i] ?? defaultDir) as SortKey['dir'] }));
  if (!keys.includes('created_at')) result.push({ key: 'created_at', dir: defaultDir as SortKey['dir'] });
  return result;
}
