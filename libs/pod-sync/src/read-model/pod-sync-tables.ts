/**
 * Where one subject keeps its sync records. The main table (`rm_flavors`, `rm_volume_types`) has
 * `<idColumn>`, `status` ('live' | 'deleted'), `generation` and `defined_seq` (definition order);
 * the sync table one row per resource and pod, as podSyncTableSql creates it.
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

/**
 * The DDL of a sync table: what each pod is known to hold (`generation`, 0: only tried) and the last
 * failure, for the reconciler's plan and for admins. `extraColumns`: a subject's own, e.g. the pod's
 * id for the resource. Text, so a migration written with it never changes (migrations are append-only).
 */
export function podSyncTableSql({ idColumn, syncTable }: PodSyncTables, extraColumns: readonly string[] = []): string {
  return `CREATE TABLE ${syncTable} (
  ${idColumn} text NOT NULL,
  pod_id text NOT NULL,
  generation integer NOT NULL,
  synced_at timestamptz,
  failed_generation integer,
  failure_status integer,
  failure_message text,
  failed_at timestamptz,${extraColumns.map((column) => `\n  ${column},`).join('')}
  PRIMARY KEY (${idColumn}, pod_id)
)`;
}
