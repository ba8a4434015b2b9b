import type { EventStore } from '@podgate/event-store';
import type { EventMetadata } from '@podgate/kernel';
import { type ForwardedResponse, mapUpstreamFailure, type PodProxy } from '@podgate/openstack';
import { findPod } from '@podgate/pods';
import type { SqlExecutor } from '@podgate/sql';
import { ServerProvisioningInDoubtError } from '../../domain/server.errors';
import type { ServerState } from '../../domain/server.state';
import type { ServerRoutes } from '../../location/server-routes';
import type { CreateServerResult } from './create-server.command';
import { recordServersCreated } from './record-servers-created';
import { findTaggedServers, type PodCaller } from './tagged-servers';

export interface ResumeDependencies {
  readonly store: EventStore;
  readonly sql: SqlExecutor;
  readonly proxy: Pick<PodProxy, 'forward'>;
  readonly routes: ServerRoutes;
}

export interface ResumeRequest {
  readonly provisioningId: string;
  /** The intent stream's state: provisioning, or provisioningFailed. */
  readonly state: ServerState;
  readonly caller: Omit<PodCaller, 'pod'>;
  readonly metadata: EventMetadata;
}

/**
 * A create whose intent is already recorded: this request ran before (a retry inside podgate after
 * a lost answer, or two runs racing). The pod is the truth, so podgate asks it, never forwards again:
 * - servers tagged with the provisioning id: record them (a no-op if recorded) and answer 202 as
 *   Nova would, with the first server's id and links (no adminPass: the pod told only the first run);
 * - none, and a failure recorded: answer that failure again;
 * - none, and no outcome: the first forward may still be under way, or timed out after the pod
 *   took it: ServerProvisioningInDoubtError (409). Forwarding again could make a second server.
 */
export async function resumeProvisioning(deps: ResumeDependencies, request: ResumeRequest): Promise<CreateServerResult> {
  const { state, provisioningId } = request;
  if (state.status === 'unknown') throw new Error(`provisioning ${provisioningId} has no intent to resume`);
  const pod = await findPod(deps.sql, state.server.podId);
  if (!pod) throw new Error(`pod ${state.server.podId} of provisioning ${provisioningId} is not in rm_pods`);
  const found = await findTaggedServers(deps.proxy, { ...request.caller, pod }, state.server.name, provisioningId);
  if (found.serverIds.length > 0) {
    await recordServersCreated(deps.store, deps.routes, provisioningId, found.serverIds, state, request.metadata);
    return { response: accepted(found.serverIds[0], found.podBaseUrl), pod, serverIds: found.serverIds };
  }
  if (state.status === 'provisioningFailed') {
    const { status, message } = state.failure;
    throw mapUpstreamFailure({ upstream: `pod ${pod.name}`, status, body: { message } });
  }
  throw new ServerProvisioningInDoubtError(provisioningId, pod.name);
}

/** Nova's 202 to a create, as far as it can be rebuilt; links point at the pod like any forwarded answer. */
function accepted(serverId: string, podBaseUrl: string): ForwardedResponse {
  const self = `${podBaseUrl}/servers/${serverId}`;
  const bookmark = `${podBaseUrl.replace(/\/v2(\.1)?$/, '')}/servers/${serverId}`;
  return {
    status: 202,
    headers: { location: self, 'content-type': 'application/json' },
    body: {
      server: {
        id: serverId,
        links: [
          { rel: 'self', href: self },
          { rel: 'bookmark', href: bookmark },
        ],
      },
    },
    podBaseUrl,
  };
}
