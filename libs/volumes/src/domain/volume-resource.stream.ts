import { streamName } from '@podgate/event-store';
import { deterministicId } from '@podgate/kernel';
import { lifecycleEventId, type StreamModel } from '@podgate/routed-resources';
import type { VolumeResourceKind } from './volume-resource';
import { decideVolumeResource, type VolumeResourceCommand } from './volume-resource.decider';
import { fromStored, PROVISIONING_SUFFIXES, storedTypeOf, type VolumeStreamEvent } from './volume-resource.events';
import { VOLUME_RESOURCE_KINDS } from './volume-resource.kinds';
import { evolveVolumeResource, initialVolumeResourceState, type VolumeResourceState } from './volume-resource.state';

/**
 * `volume-<id>`, `snapshot-<id>`, `backup-<id>`: the id is the pod's, so a GET right after a create
 * (which knows only that id) can read the stream while rm_routings lags.
 */
export const volumeResourceStream = (kind: VolumeResourceKind, id: string): string => streamName(kind, id);

/** `volumeProvisioning-<id>`, ...: the intent, durable before the pod hears of the create. */
export const volumeProvisioningStream = (kind: VolumeResourceKind, provisioningId: string): string =>
  streamName(`${kind}Provisioning`, provisioningId);

/** Derived from podgate's request id: a re-run of the request meets the same intent and never forwards twice. */
export const volumeProvisioningIdFor = (kind: VolumeResourceKind, requestId: string): string =>
  deterministicId(`${kind}Provisioning`, requestId);

export const volumeActionIdFor = (kind: VolumeResourceKind, requestId: string, id: string): string =>
  deterministicId(`${kind}Action`, requestId, id);

export const volumeDeleteIdFor = (kind: VolumeResourceKind, requestId: string, id: string): string =>
  deterministicId(`${kind}Delete`, requestId, id);

/** The stream a decided event is appended to, from its data alone. */
export function streamOfVolumeEvent(event: VolumeStreamEvent): string {
  if (event.suffix === 'ProvisioningRequested' || event.suffix === 'ProvisioningFailed') {
    return volumeProvisioningStream(event.kind, event.data.provisioningId);
  }
  if (event.suffix === 'Routed' || event.suffix === 'Unrouted') return volumeResourceStream(event.kind, event.data.topId);
  return volumeResourceStream(event.kind, event.data.resourceId);
}

/** True for events of the intent stream. */
export const isVolumeProvisioningEvent = (event: VolumeStreamEvent): boolean =>
  (PROVISIONING_SUFFIXES as readonly string[]).includes(event.suffix);

const models = new Map<VolumeResourceKind, StreamModel<VolumeResourceCommand, VolumeStreamEvent, VolumeResourceState>>();

/** One kind's decider with its streams, names and deterministic ids (lifecycleEventId), for the shared stream writer. */
export function volumeResourceModel(
  kind: VolumeResourceKind,
): StreamModel<VolumeResourceCommand, VolumeStreamEvent, VolumeResourceState> {
  let model = models.get(kind);
  if (!model) {
    const prefix = VOLUME_RESOURCE_KINDS[kind].name;
    model = {
      decide: (command, state) => decideVolumeResource(kind, command, state),
      evolve: evolveVolumeResource,
      initialState: initialVolumeResourceState,
      streamOf: streamOfVolumeEvent,
      eventIdOf: (event) =>
        lifecycleEventId(`${kind}Event`, streamOfVolumeEvent(event), prefix, { type: storedTypeOf(event), data: event.data }),
      typeOf: storedTypeOf,
      fromRecorded: (recorded) => fromStored(kind, recorded),
      noun: kind,
    };
    models.set(kind, model);
  }
  return model;
}
