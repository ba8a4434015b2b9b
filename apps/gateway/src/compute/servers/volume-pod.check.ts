import { DomainError } from '@podgate/kernel';
import { listRoutings, type RoutedResourceType } from '@podgate/routing';
import type { SqlExecutor } from '@podgate/sql';

/** A volume podgate routed to another pod than the server's: no pod can attach it. */
export class VolumeInOtherPodError extends DomainError {
  readonly code = 'SERVERS.VOLUME_IN_OTHER_POD';
  readonly kind = 'badRequest';
  constructor(volumeId: string, serverId: string) {
    super(`Volume ${volumeId} and server ${serverId} must be in the same pod.`);
  }
}

/**
 * Before a volume is attached (or swapped in): a volume podgate knows must live in the server's pod.
 * One it does not know (made in the pod directly, or no such volume) is the pod's to judge.
 * SECURITY: only the routes of `projectId` count (null: an admin's, every project's); another
 * tenant's volume is one this caller does not know, so the answer does not reveal that it exists.
 */
export async function checkVolumeInServerPod(
  sql: SqlExecutor,
  volumeId: unknown,
  serverId: string,
  serverPodId: string,
  projectId: string | null,
): Promise<void> {
  if (typeof volumeId !== 'string' || volumeId === '') return;
  const podIds = await routedPodIdsOf(sql, 'volume', volumeId, projectId);
  if (podIds.length > 0 && !podIds.includes(serverPodId)) throw new VolumeInOtherPodError(volumeId, serverId);
}

/**
 * The pods podgate routes a resource to, as `projectId` may see them (null: an admin, every
 * project's): empty for one it does not know. Both sides of an attachment use it (a volume for a
 * server here, a server for a volume in the volume API's os-attach).
 */
export async function routedPodIdsOf(
  sql: SqlExecutor,
  resourceType: RoutedResourceType,
  id: string,
  projectId: string | null,
): Promise<string[]> {
  const scope = projectId === null ? {} : { projectId };
  const routes = await listRoutings(sql, { topId: id, resourceType, ...scope, limit: 10 });
  return routes.map((route) => route.podId);
}
