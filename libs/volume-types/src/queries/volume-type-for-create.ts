// CONTRACT STUB (session 4): the volume-types helper implements it over its read model.
import type { SqlExecutor } from '@podgate/sql';

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
 * A create without `volume_type` uses the default type (Cinder's `__DEFAULT__` unless an admin
 * defined another default): `nameOrId` undefined asks for it, undefined when podgate defines none
 * (the pod then uses its own default).
 */
export async function findVolumeTypeForCreate(
  sql: SqlExecutor,
  nameOrId: string | undefined,
  projectId: string,
  isAdmin: boolean,
): Promise<VolumeTypeForCreate | undefined> {
  void sql;
  void nameOrId;
  void projectId;
  void isAdmin;
  throw new Error('contract stub: findVolumeTypeForCreate is not implemented yet');
}
