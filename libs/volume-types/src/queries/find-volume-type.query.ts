import { Query } from '@nestjs/cqrs';
import { sharedWithProject } from '@podgate/pod-sync';
import type { SqlExecutor } from '@podgate/sql';
import { DEFAULT_VOLUME_TYPE_ID } from '../domain/default-volume-type';
import { VOLUME_TYPE_TABLES } from '../projections/volume-types/volume-types.schema';
import {
  toVolumeTypeView,
  VISIBLE_TO_VIEWER,
  VOLUME_TYPE_COLUMNS,
  type VolumeTypeRow,
  type VolumeTypeView,
  type VolumeTypeViewer,
} from './volume-type-view';

/**
 * The live type the viewer may see, by podgate's id; `default` is podgate's default type, as
 * Cinder's GET /types/default resolves it. Undefined when there is none (Cinder's 404).
 */
export async function findVisibleVolumeType(
  sql: SqlExecutor,
  typeId: string,
  viewer: VolumeTypeViewer,
): Promise<VolumeTypeView | undefined> {
  const id = typeId === 'default' ? DEFAULT_VOLUME_TYPE_ID : typeId;
  const { rows } = await sql.query<VolumeTypeRow>(
    `SELECT ${VOLUME_TYPE_COLUMNS} FROM rm_volume_types t WHERE ${VISIBLE_TO_VIEWER} AND t.type_id = $3`,
    [viewer.isAdmin, viewer.projectId, id],
  );
  return rows.length === 0 ? undefined : toVolumeTypeView(rows[0]);
}

/** The id of the live type holding that name, if any (names are unique among live types). */
export async function findLiveVolumeTypeIdByName(sql: SqlExecutor, name: string): Promise<string | undefined> {
  const { rows } = await sql.query<{ type_id: string }>(
    `SELECT type_id FROM rm_volume_types WHERE name = $1 AND status = 'live' LIMIT 1`,
    [name],
  );
  return rows[0]?.type_id;
}

export class FindVolumeTypeQuery extends Query<VolumeTypeView | undefined> {
  constructor(
    readonly typeId: string,
    readonly viewer: VolumeTypeViewer,
  ) {
    super();
  }
}

export interface VolumeTypeListOptions {
  readonly viewer: VolumeTypeViewer;
  /**
   * Admins only (others always get public types plus private ones shared with them): true (the
   * default) public ones and private ones shared with the admin's project, false private ones,
   * null every type. Cinder's `is_public` filter.
   */
  readonly isPublic?: boolean | null;
}

/** Live types in Cinder's default order: newest definition first. */
export async function listVolumeTypes(sql: SqlExecutor, { viewer, isPublic }: VolumeTypeListOptions): Promise<VolumeTypeView[]> {
  const filter = viewer.isAdmin ? (isPublic === undefined ? true : isPublic) : true;
  const where = [VISIBLE_TO_VIEWER];
  if (filter === true) where.push(`(t.is_public OR ${sharedWithProject(VOLUME_TYPE_TABLES, 't', '$2')})`);
  if (filter === false) where.push('NOT t.is_public');
  const { rows } = await sql.query<VolumeTypeRow>(
    `SELECT ${VOLUME_TYPE_COLUMNS} FROM rm_volume_types t WHERE ${where.join(' AND ')} ORDER BY t.defined_seq DESC, t.type_id DESC`,
    [viewer.isAdmin, viewer.projectId],
  );
  return rows.map(toVolumeTypeView);
}

export class ListVolumeTypesQuery extends Query<VolumeTypeView[]> {
  constructor(readonly options: VolumeTypeListOptions) {
    super();
  }
}
