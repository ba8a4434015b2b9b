// Listing volumes of the simulated Cinder: project scope (admin all_tenants), filters, sort
// (`sort=key:dir,...` or sort_key/sort_dir) and limit/marker paging.
import { badRequest } from '../http/openstack-error';
import { Page, SortSpec, paginate, parsePage, parseSort, sortItems } from '../http/pagination';
import { Query, queryBool, queryOne } from '../http/query';
import { Caller } from '../http/request-context';
import { PodState } from '../pod/pod-state';
import { VolumeRecord } from './volume.model';

const SORT_FIELDS: Record<string, (v: VolumeRecord) => string | number | null> = {
  created_at: (v) => v.createdAt,
  updated_at: (v) => v.updatedAt,
  id: (v) => v.id,
  name: (v) => v.name,
  size: (v) => v.size,
  status: (v) => v.status,
  availability_zone: (v) => v.az,
  bootable: (v) => String(v.bootable),
  volume_type: (v) => v.volumeTypeId,
  project_id: (v) => v.projectId,
};

/** Cinder's `sort=name:asc,size` form; falls back to sort_key/sort_dir. */
export function parseCinderSort(query: Query, keys: string[]): SortSpec[] {
  const sort = queryOne(query, 'sort');
  if (sort === undefined) return parseSort(query, keys, [{ key: 'created_at', dir: 'desc' }]);
  return sort.split(',').map((part) => {
    const [key = '', dir = 'desc'] = part.trim().split(':');
    if (!keys.includes(key)) throw badRequest(`Invalid input received: Invalid sort key ${key}`);
    if (dir !== 'asc' && dir !== 'desc')
      throw badRequest(`Invalid input received: Unknown sort direction, must be 'desc' or 'asc'`);
    return { key, dir };
  });
}

/** Cinder silently ignores all_tenants for non-admins (the openstack CLI sends it on every lookup). */
export function scopeFilter(query: Query, caller: Caller): (projectId: string) => boolean {
  const allTenants = queryBool(query, 'all_tenants') ?? false;
  if (!allTenants || !caller.isAdmin) return (p) => p === caller.projectId;
  const project = queryOne(query, 'project_id');
  return project === undefined ? () => true : (p) => p === project;
}

/**
 * Cinder's `metadata` filter on volumes and snapshots: a Python dict literal (`{'k': 'v'}`, JSON
 * too), every pair of which the item's metadata must hold.
 */
export function metadataFilter(query: Query): (metadata: Readonly<Record<string, string>>) => boolean {
  const raw = queryOne(query, 'metadata');
  if (raw === undefined) return () => true;
  let wanted: Record<string, string>;
  try {
    wanted = JSON.parse(raw.replace(/'/g, '"')) as Record<string, string>;
  } catch {
    throw badRequest(`Invalid input received: Invalid metadata filter ${raw}`);
  }
  return (metadata) => Object.entries(wanted).every(([key, value]) => metadata[key] === value);
}

export function listVolumes(pod: PodState, query: Query, caller: Caller): Page<VolumeRecord> & { limit: number; count: number } {
  const inScope = scopeFilter(query, caller);
  const name = queryOne(query, 'name');
  const status = queryOne(query, 'status');
  const az = queryOne(query, 'availability_zone');
  const bootable = queryBool(query, 'bootable');
  const hasMetadata = metadataFilter(query);
  const matching = [...pod.cinder.volumes.values()].filter(
    (v) =>
      inScope(v.projectId) &&
      (name === undefined || v.name === name) &&
      (status === undefined || v.status === status) &&
      (az === undefined || v.az === az) &&
      (bootable === undefined || v.bootable === bootable) &&
      hasMetadata(v.metadata),
  );
  const sorted = sortItems(matching, parseCinderSort(query, Object.keys(SORT_FIELDS)), (v, key) => SORT_FIELDS[key]?.(v) ?? null);
  const pageRequest = parsePage(query, 1000);
  const page = paginate(sorted, pageRequest, (marker) => badRequest(`Invalid input received: marker [${marker}] not found`));
  return { ...page, limit: pageRequest.limit, count: matching.length };
}

export interface VolumeSummary {
  totalCount: number;
  totalSize: number;
  /** Each metadata key to its distinct values, in the order the volumes were created. */
  metadata: Record<string, string[]>;
}

/**
 * GET /volumes/summary as cinder/db/sqlalchemy/api.py get_volume_summary computes it: the caller's
 * project, or every project for an admin with all_tenants. Cinder drops every other filter on the
 * way (volume/api.py never passes them down), and a non-admin's all_tenants is removed unread.
 */
export function volumeSummary(pod: PodState, query: Query, caller: Caller): VolumeSummary {
  const allProjects = caller.isAdmin && (queryBool(query, 'all_tenants') ?? false);
  const volumes = [...pod.cinder.volumes.values()].filter((v) => allProjects || v.projectId === caller.projectId);
  const metadata = new Map<string, string[]>(); // a Map, so a key such as `__proto__` stays a key
  for (const v of volumes) {
    for (const [key, value] of Object.entries(v.metadata)) {
      const values = metadata.get(key) ?? [];
      if (!values.includes(value)) metadata.set(key, [...values, value]);
    }
  }
  return {
    totalCount: volumes.length,
    totalSize: volumes.reduce((sum, v) => sum + v.size, 0),
    metadata: Object.fromEntries(metadata),
  };
}
