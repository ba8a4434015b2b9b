import { streamName } from '@podgate/event-store';
import { deterministicId } from '@podgate/kernel';
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

/**
 * Set as server metadata on the bottom create, so podgate can find its intent from the
 * pod's side. Metadata, not a server tag: it exists at every microversion (tags in create need 2.52).
 */
export const PROVISIONING_METADATA_KEY = 'podgate:provisioning_id';

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

/**
 * A decided event's id: the same decision for the same request gives the same id, so an append
 * repeated after a lost answer (or by a confirmer racing the handler) writes nothing twice.
 * Slots, not types, make the id: an action's outcome has one slot whether it succeeded or failed,
 * so the hot path (which appends outcomes without folding the stream) cannot record two different
 * outcomes for one action: the store answers the second append as a replay of the first, and the
 * first answer stands, as the decider rules. A delete request and its refusal have a slot each per
 * delete id. A server is created, and deleted, once per stream.
 */
export function serverEventIdFor(event: ServerStreamEvent): string {
  let slot: string = event.type;
  let key = '';
  switch (event.type) {
    case 'ServerActionRequested':
      key = event.data.actionId;
      break;
    case 'ServerActionSucceeded':
    case 'ServerActionFailed':
      slot = 'ServerActionOutcome';
      key = event.data.actionId;
      break;
    case 'ServerDeleteRequested':
    case 'ServerDeleteFailed':
      key = event.data.deleteId;
      break;
    default:
      break;
  }
  return deterministicId('serverEvent', streamOfServerEvent(event), slot, key);
}

/** True for events of the intent stream. */
export const isProvisioningEvent = (event: ServerStreamEvent): boolean =>
  (SERVER_PROVISIONING_EVENT_TYPES as readonly string[]).includes(event.type);
