import { streamName } from '@podgate/event-store';
import { deterministicId } from '@podgate/kernel';
import { lifecycleEventId } from '@podgate/routed-resources';
import { SERVER_PROVISIONING_EVENT_TYPES, type ServerStreamEvent } from './server.events';

export const SERVER_CATEGORY = 'server';
export const SERVER_PROVISIONING_CATEGORY = 'serverProvisioning';

/**
 * Why two streams, not one keyed by a podgate id (see server.events.ts for what goes where):
 * - Read-your-writes: a GET right after create knows only the pod's id. `server-<pod's id>` is a
 *   stream name it can compute and read when rm_routings lags; a stream keyed by podgate's id would
 *   need an index from the pod's id to it, which is the very read model that lags.
 * - A create whose outcome is in doubt (the answer lost after sending, a pod 5xx, a failed record)
 *   is watched by the ProvisioningConfirmer: it lists the pod's servers carrying the tag below and
 *   folds `serverProvisioning-<tag>` with `server-<bottom id>`: intent without ServerCreated means
 *   adopt (RecordServerCreated, which the decider accepts even after a recorded failure).
 * - Retries: the provisioning id (and every action and delete id) is derived from podgate's request
 *   id, so a handler that re-runs a request meets the same streams, the decider answers with no new
 *   events, and deterministic event ids make a repeated append a no-op. A client's retry is a new
 *   request and a new server, as with Nova, which has no idempotency key for create.
 * The cost: intent and outcome are in different streams, with no atomic append across them.
 */
export const serverStream = (serverId: string): string => streamName(SERVER_CATEGORY, serverId);

export const serverProvisioningStream = (provisioningId: string): string =>
  streamName(SERVER_PROVISIONING_CATEGORY, provisioningId);

/** Set as server metadata on the bottom create (tags in create would need 2.52): the shared key. */
export { PROVISIONING_METADATA_KEY } from '@podgate/routed-resources';

export const provisioningIdFor = (requestId: string): string => deterministicId('serverProvisioning', requestId);

export const serverActionIdFor = (requestId: string, serverId: string): string =>
  deterministicId('serverAction', requestId, serverId);

export const serverDeleteIdFor = (requestId: string, serverId: string): string =>
  deterministicId('serverDelete', requestId, serverId);

/** The stream a decided event is appended to, from its data alone. */
export function streamOfServerEvent(event: ServerStreamEvent): string {
  switch (event.type) {
    case 'ServerProvisioningRequested':
    case 'ServerProvisioningFailed':
      return serverProvisioningStream(event.data.provisioningId);
    case 'ResourceRouted':
    case 'ResourceUnrouted':
      return serverStream(event.data.topId);
    default:
      return serverStream(event.data.serverId);
  }
}

/** A decided event's id: see lifecycleEventId (one slot per action outcome, per delete request). */
export const serverEventIdFor = (event: ServerStreamEvent): string =>
  lifecycleEventId('serverEvent', streamOfServerEvent(event), 'Server', event);

/** True for events of the intent stream. */
export const isProvisioningEvent = (event: ServerStreamEvent): boolean =>
  (SERVER_PROVISIONING_EVENT_TYPES as readonly string[]).includes(event.type);
