/**
 * Where one subject keeps its sync records. The main table (`rm_flavors`, `rm_volume_types`) has
 * `<idColumn>`, `status` ('live' | 'deleted'), `generation` and `defined_seq` (definition order);
 * the sync table one row per resource and pod: `<idColumn>, pod_id, generation` (0: only tried),
 * `synced_at`, and the last failure (`failed_generation, failure_status, failure_message, failed_at`).
 * Each subject writes its tables' DDL literally in its own migration: an applied migration must
 * never change because a shared helper did.
 */
export interface PodSyncTables {
  readonly table: string;
  readonly idColumn: string;
  readonly syncTable: string;
}

/** A resource's extra specs (`<idColumn>, key, value`) and private access list (`<idColumn>, project_id, added_seq`). */
export interface DefinedResourceTables extends PodSyncTables {
  readonly extraSpecsTable: string;
  readonly accessTable: string;
}
