import { Query } from '@nestjs/cqrs';
import { MarkerNotFoundError, MAX_PAGE_SIZE } from '@podgate/kernel';
import { sharedWithProject } from '@podgate/pod-sync';
import type { SqlExecutor } from '@podgate/sql';
import { FLAVOR_TABLES } from './flavor-sync.query';
import { FLAVOR_COLUMNS, type FlavorRow, type FlavorView, type FlavorViewer, toFlavorView } from './flavor-view';

/** Nova's VALID_SORT_KEYS (schemas/flavors.py). */
export const FLAVOR_SORT_KEYS = [
  'created_at',
  'description',
  'disabled',
  'ephemeral_gb',
  'flavorid',
  'id',
  'is_public',
  'memory_mb',
  'name',
  'root_gb',
  'rxtx_factor',
  'swap',
  'updated_at',
  'vcpu_weight',
  'vcpus',
] as const;
export type FlavorSortKey = (typeof FLAVOR_SORT_KEYS)[number];

/**
 * Each key as the expressions to order by before Nova's tie-breaker `id` (defined_seq). A nullable
 * column sorts NULL first ascending, as on Nova's MySQL. `disabled` and `vcpu_weight` are the same
 * for every podgate flavor (false, NULL), so only the tie-breaker orders them.
 */
const SORT_EXPRESSIONS: Readonly<Record<FlavorSortKey, readonly string[]>> = {
  created_at: ['f.created_at'],
  description: ['(f.description IS NOT NULL)', `COALESCE(f.description, '')`],
  disabled: [],
  ephemeral_gb: ['f.ephemeral'],
  flavorid: ['f.flavor_id'],
  id: [],
  is_public: ['f.is_public'],
  memory_mb: ['f.ram'],
  name: ['f.name'],
  root_gb: ['f.disk'],
  rxtx_factor: ['f.rxtx_factor'],
  swap: ['f.swap'],
  updated_at: ['f.updated_at'],
  vcpu_weight: [],
  vcpus: ['f.vcpus'],
};

export interface FlavorListOptions {
  readonly viewer: FlavorViewer;
  /**
   * Admins only (others always see public flavors plus private ones shared with them): true (the
   * default) public ones and private ones shared with the admin's project, false private ones,
   * null every flavor.
   */
  readonly isPublic?: boolean | null;
  readonly minRam?: number;
  readonly minDisk?: number;
  readonly sortKey?: FlavorSortKey;
  readonly sortDir?: 'asc' | 'desc';
  /** Cut to 1000 (Nova's max_limit); default 1000. */
  readonly limit?: number;
  /** The id of the last flavor of the previous page; it must be a flavor the viewer may see. */
  readonly marker?: string;
}

/** One page of live flavors in Nova's order (sort key, then definition order, both in `sortDir`). */
export async function listFlavors(sql: SqlExecutor, options: FlavorListOptions): Promise<FlavorView[]> {
  const { viewer } = options;
  const order = [...SORT_EXPRESSIONS[options.sortKey ?? 'flavorid'], 'f.defined_seq'];
  const dir = options.sortDir === 'desc' ? 'DESC' : 'ASC';
  const params: unknown[] = [viewer.isAdmin, viewer.projectId];
  const param = (value: unknown): string => `$${params.push(value)}`;
  // Nova's base query: what the viewer may see at all (markers must be in it too).
  const visible = `f.status = 'live' AND ($1::boolean OR f.is_public OR ${sharedWith('f', '$2')})`;
  const where = [visible];
  const isPublic = viewer.isAdmin ? (options.isPublic === undefined ? true : options.isPublic) : true;
  if (isPublic === true) where.push(`(f.is_public OR ${sharedWith('f', '$2')})`);
  if (isPublic === false) where.push('NOT f.is_public');
  if (options.minRam !== undefined) where.push(`f.ram >= ${param(options.minRam)}`);
  if (options.minDisk !== undefined) where.push(`f.disk >= ${param(options.minDisk)}`);
  if (options.marker !== undefined) {
    const found = await sql.query(`SELECT 1 FROM rm_flavors f WHERE ${visible} AND f.flavor_id = $3`, [
      viewer.isAdmin,
      viewer.projectId,
      options.marker,
    ]);
    if (found.rows.length === 0) throw new MarkerNotFoundError(options.marker);
    const marker = param(options.marker);
    const after = dir === 'ASC' ? '>' : '<';
    where.push(`(${order.join(', ')}) ${after} (SELECT ${order.join(', ')} FROM rm_flavors f WHERE f.flavor_id = ${marker})`);
  }
  const limit = param(Math.min(options.limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE));
  const { rows } = await sql.query<FlavorRow>(
    `SELECT ${FLAVOR_COLUMNS} FROM rm_flavors f WHERE ${where.join(' AND ')}
      ORDER BY ${order.map((expression) => `${expression} ${dir}`).join(', ')} LIMIT ${limit}`,
    params,
  );
  return rows.map(toFlavorView);
}

const sharedWith = (alias: string, project: string): string => sharedWithProject(FLAVOR_TABLES, alias, project);

export class ListFlavorsQuery extends Query<FlavorView[]> {
  constructor(readonly options: FlavorListOptions) {
    super();
  }
}
