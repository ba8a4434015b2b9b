import { affinityTagOf } from '@podgate/flavors';
import type { SqlExecutor } from '@podgate/sql';
import { DEFAULT_VOLUME_TYPE_ID } from '../domain/default-volume-type';
import { toVolumeTypeView, VISIBLE_TO_VIEWER, VOLUME_TYPE_COLUMNS, type VolumeTypeRow } from './volume-type-view';

/** A volume type as a volume create needs it. */
export interface VolumeTypeForCreate {
  /** podgate's id (the one users see in `GET /types`). */
  readonly typeId: string;
  /** The name, the same in every pod: what a create forwards as `volume_type` (pods' ids differ). */
  readonly name: string;
  /** The extra spec that steers dynamic pod binding (as a flavor's does), null when the type has none. */
  readonly affinityTag: string | null;
}

/**
 * The live volume type a create names (`volume_type`: podgate's id or the name), as the caller may
 * use it: public, or private with access for `projectId` (an admin: any). Undefined when there is
 * none, which the volume API answers with Cinder's 404 ("Volume type with name <x> could not be found.").
 * A create without `volume_type` uses the default type (`__DEFAULT__`, which podgate defines at its
 * first start; see default-volume-type.ts): `nameOrId` undefined asks for it, undefined when podgate
 * defines none (the pod then uses its own default).
 * Like Cinder's get_by_name_or_id, an id wins over a name (a name may look like an id).
 */
export async function findVolumeTypeForCreate(
  sql: SqlExecutor,
  nameOrId: string | undefined,
  projectId: string,
  isAdmin: boolean,
): Promise<VolumeTypeForCreate | undefined> {
  const ref = nameOrId ?? DEFAULT_VOLUME_TYPE_ID;
  const { rows } = await sql.query<VolumeTypeRow>(
    `SELECT ${VOLUME_TYPE_COLUMNS} FROM rm_volume_types t
      WHERE ${VISIBLE_TO_VIEWER} AND (t.type_id = $3 OR t.name = $3)
      ORDER BY (t.type_id = $3) DESC LIMIT 1`,
    [isAdmin, projectId, ref],
  );
  if (rows.length === 0) return undefined;
  const view = toVolumeTypeView(rows[0]);
  return { typeId: view.typeId, name: view.name, affinityTag: affinityTagOf(view.extraSpecs) };
}
