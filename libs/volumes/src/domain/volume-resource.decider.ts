import { MAX_FAILURE_MESSAGE_LENGTH, scrub } from '@podgate/routed-resources';
import type { VolumeResourceKind } from './volume-resource';
import type { VolumeProvisioningRequestedData, VolumeStreamEvent } from './volume-resource.events';
import {
  VolumeResourceNotFoundError,
  VolumeResourceProvisioningNotRequestedError,
  VolumeResourceRecordConflictError,
} from './volume-resource.errors';
import type { KnownVolumeResource, VolumeResourceState } from './volume-resource.state';

/** The records that must see the history; actions and delete requests are the hot path's. */
export type VolumeResourceCommand =
  /** On the intent stream, which does not exist yet on a first run. */
  | { readonly type: 'RequestProvisioning'; readonly intent: VolumeProvisioningRequestedData }
  /** On the intent stream followed by the resource's, in that order; the events go to the resource's stream. */
  | { readonly type: 'RecordCreated'; readonly provisioningId: string; readonly resourceId: string }
  /** `secrets`: values of the request to scrub from `message`; in memory only, never in an event. */
  | {
      readonly type: 'RecordProvisioningFailed';
      readonly provisioningId: string;
      readonly status: number;
      readonly message: string;
      readonly secrets: readonly string[];
    }
  /** `deleteId`: the delete whose acceptance the pod has confirmed; absent when the resource was found gone. */
  | { readonly type: 'RecordDeleted'; readonly resourceId: string; readonly deleteId?: string };

/**
 * Pure, for one kind. Repeating a record that is already true records nothing, so a re-run and a
 * confirmer racing it are harmless; a record contradicting the first one is refused.
 */
export function decideVolumeResource(
  kind: VolumeResourceKind,
  command: VolumeResourceCommand,
  state: VolumeResourceState,
): VolumeStreamEvent[] {
  switch (command.type) {
    case 'RequestProvisioning': {
      if (state.status === 'unknown') return [{ kind, suffix: 'ProvisioningRequested', data: { ...command.intent } }];
      const recorded = 'intent' in state ? state.intent : state.resource;
      if (recorded.provisioningId !== command.intent.provisioningId) {
        throw new VolumeResourceRecordConflictError(`this stream holds provisioning ${recorded.provisioningId}`);
      }
      return [];
    }
    case 'RecordCreated': {
      if (state.status === 'unknown') throw new VolumeResourceProvisioningNotRequestedError(command.provisioningId);
      if (!('intent' in state)) {
        if (state.resource.resourceId === command.resourceId) return [];
        throw new VolumeResourceRecordConflictError(`${kind} ${state.resource.resourceId} holds this stream`);
      }
      const { provisioningId, podId, projectId, azName, request } = state.intent;
      const resourceId = command.resourceId;
      return [
        { kind, suffix: 'Created', data: { resourceId, provisioningId, podId, projectId, azName, name: request.name } },
        {
          kind,
          suffix: 'Routed',
          data: { resourceType: kind, topId: resourceId, bottomId: resourceId, podId, projectId, azName },
        },
      ];
    }
    case 'RecordProvisioningFailed': {
      if (state.status === 'unknown') throw new VolumeResourceProvisioningNotRequestedError(command.provisioningId);
      if (state.status !== 'provisioning') return []; // a repeat, or created after all: the first record stands
      const message = scrub(command.message.trim() || `HTTP ${command.status}`, command.secrets);
      const data = { provisioningId: command.provisioningId, podId: state.intent.podId, status: command.status, message };
      return [
        { kind, suffix: 'ProvisioningFailed', data: { ...data, message: data.message.slice(0, MAX_FAILURE_MESSAGE_LENGTH) } },
      ];
    }
    case 'RecordDeleted': {
      if (state.status === 'deleted' && state.resource.resourceId === command.resourceId) return [];
      const known = existing(kind, state, command.resourceId);
      const { resourceId, podId, projectId } = known.resource;
      const deleteId = confirmedDelete(known, command.deleteId);
      return [
        { kind, suffix: 'Deleted', data: { resourceId, podId, projectId, deleteId } },
        { kind, suffix: 'Unrouted', data: { resourceType: kind, topId: resourceId, podId } },
      ];
    }
    default:
      return unreachable(command);
  }
}

/** The delete the pod confirmed: the one named, if it was asked; else the last one the pod did not refuse; else none. */
function confirmedDelete(known: KnownVolumeResource, named: string | undefined): string | null {
  if (named !== undefined && known.deleteIds.includes(named)) return named;
  return known.deleteIds.filter((deleteId) => !known.refusedDeleteIds.includes(deleteId)).at(-1) ?? null;
}

function existing(kind: VolumeResourceKind, state: VolumeResourceState, resourceId: string): KnownVolumeResource {
  if (state.status !== 'created' || state.resource.resourceId !== resourceId) {
    throw new VolumeResourceNotFoundError(kind, resourceId);
  }
  return state;
}

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
