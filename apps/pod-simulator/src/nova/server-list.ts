// GET /servers and /servers/detail filtering, sorting and paging, with Nova's rules for who may
// use which filter (admin-only filters are silently ignored for other callers before 2.83).
import { ApiVersion, atLeast } from '../http/microversion';
import { badRequest, forbidden } from '../http/openstack-error';
import { compareMysqlValues } from '../http/mysql-order';
import { Page, paginate, parsePage, parseSort, sortItems } from '../http/pagination';
import { Query, queryBool, queryList, queryOne } from '../http/query';
import { Caller } from '../http/request-context';
import { PodState } from '../pod/pod-state';
import { ServerRecord } from './server.model';
import { KNOWN_STATUSES, serverStatus } from './server-status';

const MAX_LIMIT = 1000;

const SORT_FIELDS: Record<string, (s: ServerRecord) => string | number | null> = {
  created_at: (s) => s.createdAt,
  updated_at: (s) => s.updatedAt,
  launched_at: (s) => s.launchedAt,
  display_name: (s) => s.name,
  display_description: (s) => s.description,
  uuid: (s) => s.id,
  vm_state: (s) => s.vmState,
  task_state: (s) => s.taskState,
  power_state: (s) => s.powerState,
  availability_zone: (s) => s.az,
  key_name: (s) => s.keyName,
  hostname: (s) => s.hostname,
  image_ref: (s) => s.imageId,
  instance_type_id: (s) => s.flavor.id,
  launch_index: (s) => s.launchIndex,
  project_id: (s) => s.projectId,
  user_id: (s) => s.userId,
  access_ip_v4: (s) => s.accessIPv4,
  access_ip_v6: (s) => s.accessIPv6,
  host: (s) => s.host,
  node: (s) => s.host,
  progress: () => 0,
  config_drive: (s) => s.configDrive,
};

type Filter = (s: ServerRecord) => boolean;

function regexFilter(pattern: string, read: (s: ServerRecord) => string[]): Filter {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch {
    throw badRequest(`Invalid regular expression: ${pattern}`);
  }
  return (s) => read(s).some((value) => regex.test(value));
}

function statusFilter(statuses: string[], version: ApiVersion): Filter | 'nothing' {
  const wanted = statuses.map((s) => s.toUpperCase());
  if (wanted.some((s) => !KNOWN_STATUSES.has(s))) {
    if (atLeast(version, '2.38')) throw badRequest(`Invalid status value`);
    return 'nothing';
  }
  return (s) => wanted.includes(serverStatus(s.vmState, s.taskState));
}

function tagFilters(query: Query): Filter[] {
  const split = (key: string) =>
    queryList(query, key)
      .flatMap((v) => v.split(','))
      .filter((t) => t !== '');
  const filters: Filter[] = [];
  const all = split('tags');
  const any = split('tags-any');
  const notAll = split('not-tags');
  const notAny = split('not-tags-any');
  if (all.length) filters.push((s) => all.every((t) => s.tags.includes(t)));
  if (any.length) filters.push((s) => any.some((t) => s.tags.includes(t)));
  if (notAll.length) filters.push((s) => !notAll.every((t) => s.tags.includes(t)));
  if (notAny.length) filters.push((s) => !notAny.some((t) => s.tags.includes(t)));
  return filters;
}

function buildFilters(pod: PodState, query: Query, caller: Caller, version: ApiVersion): Filter[] | 'nothing' {
  const filters: Filter[] = [];
  const one = (key: string) => queryOne(query, key);
  const name = one('name');
  if (name !== undefined) filters.push(regexFilter(name, (s) => [s.name]));
  const statuses = queryList(query, 'status');
  if (statuses.length) {
    const filter = statusFilter(statuses, version);
    if (filter === 'nothing') return 'nothing';
    filters.push(filter);
  }
  const exact = (key: string, read: (s: ServerRecord) => string | number | null) => {
    const value = one(key);
    if (value !== undefined) filters.push((s) => String(read(s)) === value);
  };
  exact('image', (s) => s.imageId ?? '');
  exact('flavor', (s) => s.flavor.id);
  exact('reservation_id', (s) => s.reservationId);
  const ip = one('ip');
  if (ip !== undefined) filters.push(regexFilter(ip, (s) => pod.network.portsOf(s.id).map((p) => p.ipAddress)));
  const since = one('changes-since');
  if (since !== undefined) {
    const at = Date.parse(since);
    if (Number.isNaN(at))
      throw badRequest(`Invalid input for query parameters changes-since. Value: ${since}. '${since}' is not a 'date-time'`);
    filters.push((s) => s.updatedAt >= at);
  }
  if (atLeast(version, '2.73')) {
    const locked = queryBool(query, 'locked');
    if (locked !== undefined) filters.push((s) => s.locked === locked);
  }
  if (atLeast(version, '2.26')) filters.push(...tagFilters(query));
  // Filters only admins could use before 2.83 (ignored, not rejected, for everyone else).
  if (caller.isAdmin || atLeast(version, '2.83')) {
    exact('availability_zone', (s) => s.az);
    exact('key_name', (s) => s.keyName);
    exact('user_id', (s) => s.userId);
    exact('vm_state', (s) => s.vmState);
    exact('task_state', (s) => s.taskState);
    exact('power_state', (s) => s.powerState);
  }
  if (caller.isAdmin) {
    exact('host', (s) => s.host);
    exact('node', (s) => s.host);
    exact('uuid', (s) => s.id);
  }
  return filters;
}

/** Which projects' servers the caller sees: their own, or (admin + all_tenants) everyone's. */
function scope(query: Query, caller: Caller): (s: ServerRecord) => boolean {
  const allTenants =
    query.all_tenants !== undefined &&
    queryOne(query, 'all_tenants') !== '0' &&
    queryOne(query, 'all_tenants')?.toLowerCase() !== 'false';
  if (!allTenants) return (s) => s.projectId === caller.projectId;
  if (!caller.isAdmin) throw forbidden(`Policy doesn't allow os_compute_api:servers:detail:get_all_tenants to be performed.`);
  const project = queryOne(query, 'project_id') ?? queryOne(query, 'tenant_id');
  return project === undefined ? () => true : (s) => s.projectId === project;
}

export function listServers(pod: PodState, query: Query, caller: Caller, version: ApiVersion): Page<ServerRecord> {
  const page = parsePage(query, MAX_LIMIT);
  const inScope = scope(query, caller);
  const filters = buildFilters(pod, query, caller, version);
  const adminKeys = new Set(['host', 'node']);
  const allowedKeys = Object.keys(SORT_FIELDS).filter((k) => caller.isAdmin || !adminKeys.has(k));
  const sort = parseSort(query, allowedKeys, [{ key: 'created_at', dir: 'desc' }]);
  const matching =
    filters === 'nothing' ? [] : [...pod.nova.servers.values()].filter((s) => inScope(s) && filters.every((f) => f(s)));
  // Nova's instances table on MySQL: strings in utf8_general_ci order ('web' = 'WEB'), NULL first.
  const sorted = sortItems(matching, sort, (s, key) => SORT_FIELDS[key]?.(s) ?? null, compareMysqlValues);
  return paginate(sorted, page, (marker) => badRequest(`marker [${marker}] not found`));
}
