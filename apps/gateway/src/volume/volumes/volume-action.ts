import { DomainError } from '@podgate/kernel';
import type { SqlExecutor } from '@podgate/sql';
import { routedPodIdsOf } from '../../compute/servers/volume-pod.check';
import { actionNameOf, UnknownServerActionError } from '../../compute/servers/server-action';

/** Cinder's 400 for an action name it has no method for (wsgi.py _process_stack). */
export class UnknownVolumeActionError extends DomainError {
  readonly code = 'VOLUMES.UNKNOWN_ACTION';
  readonly kind = 'badRequest';
  constructor(name: string) {
    super(`There is no such action: ${name}. Verify the request body and Content-Type header and try again.`);
  }
}

/** os-attach of a volume to a server podgate does not route to the volume's pod: no pod can attach it. */
export class ServerNotInVolumePodError extends DomainError {
  readonly code = 'VOLUMES.SERVER_IN_OTHER_POD';
  readonly kind = 'badRequest';
  constructor(serverId: string, volumeId: string) {
    super(`Server ${serverId} and volume ${volumeId} must be in the same pod.`);
  }
}

/**
 * The action a POST /volumes/{id}/action body names: its single key (Cinder's "Malformed request
 * body" otherwise, as for servers). A name no OpenStack action could have is refused in Cinder's
 * words before it is recorded; any other goes to the pod, which knows its own actions.
 */
export function volumeActionNameOf(body: unknown): string {
  try {
    return actionNameOf(body);
  } catch (error) {
    if (!(error instanceof UnknownServerActionError)) throw error;
    const name = Object.keys(body as object)[0];
    throw new UnknownVolumeActionError(name.length > 64 ? `${name.slice(0, 64)}…` : name);
  }
}

/**
 * os-attach with `instance_uuid`: the server must be one podgate routes to the volume's pod, as
 * `projectId` sees it (null: an admin). Trio2o refused servers elsewhere ("Server and volume not in
 * the same pod"); a server podgate does not know is refused too, since no pod but the server's own
 * can attach to it. SECURITY: another tenant's server is one this caller does not know.
 */
export async function checkServerInVolumePod(
  sql: SqlExecutor,
  body: unknown,
  volumeId: string,
  volumePodId: string,
  projectId: string | null,
): Promise<void> {
  const serverId = (body as { 'os-attach'?: { instance_uuid?: unknown } } | null)?.['os-attach']?.instance_uuid;
  if (typeof serverId !== 'string' || serverId === '') return;
  const podIds = await routedPodIdsOf(sql, 'server', serverId, projectId);
  if (!podIds.includes(volumePodId)) throw new ServerNotInVolumePodError(serverId, volumeId);
}
