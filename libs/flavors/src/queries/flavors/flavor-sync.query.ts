import { type DefinedResourceTables, listPodSync, listSyncStatuses, type PodSyncView } from '@podgate/pod-sync';
import type { SqlExecutor } from '@podgate/sql';
import type { FlavorSyncStatus } from '../../domain/flavor-sync.planner';

/** rm_flavors and the rows around it, in the shared read model's terms (@podgate/pod-sync). */
export const FLAVOR_TABLES: DefinedResourceTables = {
  table: 'rm_flavors',
  idColumn: 'flavor_id',
  syncTable: 'rm_flavor_pod_sync',
  extraSpecsTable: 'rm_flavor_extra_specs',
  accessTable: 'rm_flavor_access',
};

/**
 * What the reconciler plans from: every live flavor, and every deleted one some pod may still hold
 * (a pod row below the deletion's generation), with the generation each pod is known to hold.
 */
export async function listFlavorSyncStatuses(sql: SqlExecutor): Promise<FlavorSyncStatus[]> {
  return (await listSyncStatuses(sql, FLAVOR_TABLES)).map(({ id, ...status }) => ({ flavorId: id, ...status }));
}

/** One pod's record for a flavor, as admins and tests read it. */
export type FlavorPodSyncView = PodSyncView;

export const listFlavorPodSync = (sql: SqlExecutor, flavorId: string): Promise<FlavorPodSyncView[]> =>
  listPodSync(sql, FLAVOR_TABLES, flavorId);
