import { DomainError } from '@podgate/kernel';
import { listRoutings } from '@podgate/routing';
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
  const scope = projectId === null ? {} : { projectId };
  const routes = await listRoutings(sql, { topId: volumeId, resourceType: 'volume', ...scope, limit: 10 });
  if (routes.length > 0 && !routes.some((route) => route.podId === serverPodId))
    throw new VolumeInOtherPodError(volumeId, serverId);
}
