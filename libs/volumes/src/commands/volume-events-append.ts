import type { EventStore } from '@podgate/event-store';
import { type Clock, metadataFor, type RequestContext } from '@podgate/kernel';
import { appendWithAnyRevision } from '@podgate/routed-resources';
import type { VolumeStreamEvent } from '../domain/volume-resource.events';
import { volumeResourceModel } from '../domain/volume-resource.stream';

/** The hot path's append of one event (actions, delete requests and refusals): expected revision `any`, deterministic ids. */
export async function appendVolumeEvent(
  store: EventStore,
  clock: Clock,
  context: RequestContext,
  event: VolumeStreamEvent,
): Promise<void> {
  await appendWithAnyRevision(store, volumeResourceModel(event.kind), [event], metadataFor(context, clock.now()));
}
