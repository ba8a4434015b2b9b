import type {
  VolumeCreatedData,
  VolumeProvisioningFailedData,
  VolumeProvisioningRequestedData,
  VolumeStreamEvent,
} from './volume-resource.events';

/**
 * `unknown` -> `provisioning` -> `provisioningFailed` | `created` -> `deleted`. Folds the intent
 * stream, the resource stream, or both in that order. Actions are not folded: they are the hot
 * path's, recorded without a decision (deterministic ids keep their first outcome).
 */
export type VolumeResourceState =
  | { readonly status: 'unknown' }
  | { readonly status: 'provisioning'; readonly intent: VolumeProvisioningRequestedData }
  | {
      readonly status: 'provisioningFailed';
      readonly intent: VolumeProvisioningRequestedData;
      readonly failure: Pick<VolumeProvisioningFailedData, 'status' | 'message'>;
    }
  | KnownVolumeResource;

export interface KnownVolumeResource {
  readonly status: 'created' | 'deleted';
  readonly resource: VolumeCreatedData;
  readonly deleteIds: readonly string[];
  /** The delete requests the pod refused: never the one a `<Kind>Deleted` names. */
  readonly refusedDeleteIds: readonly string[];
}

export const initialVolumeResourceState: VolumeResourceState = { status: 'unknown' };

export function evolveVolumeResource(state: VolumeResourceState, event: VolumeStreamEvent): VolumeResourceState {
  switch (event.suffix) {
    case 'ProvisioningRequested':
      return state.status === 'unknown' ? { status: 'provisioning', intent: event.data } : state;
    case 'ProvisioningFailed':
      return state.status === 'provisioning'
        ? {
            status: 'provisioningFailed',
            intent: state.intent,
            failure: { status: event.data.status, message: event.data.message },
          }
        : state;
    case 'Created':
      return state.status === 'created' || state.status === 'deleted'
        ? state
        : { status: 'created', resource: { ...event.data }, deleteIds: [], refusedDeleteIds: [] };
    case 'DeleteRequested':
      return state.status === 'created' ? { ...state, deleteIds: [...state.deleteIds, event.data.deleteId] } : state;
    case 'DeleteFailed':
      return state.status === 'created' || state.status === 'deleted'
        ? { ...state, refusedDeleteIds: [...state.refusedDeleteIds, event.data.deleteId] }
        : state;
    case 'Deleted':
      return state.status === 'created' ? { ...state, status: 'deleted' } : state;
    case 'ActionRequested':
    case 'ActionSucceeded':
    case 'ActionFailed':
    case 'Routed':
    case 'Unrouted':
      return state; // actions are the hot path's; routes mirror Created / Deleted, appended with them
    default:
      return unreachable(event);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
