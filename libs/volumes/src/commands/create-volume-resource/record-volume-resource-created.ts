import type { EventStore, GlobalPosition } from '@podgate/event-store';
import type { EventMetadata } from '@podgate/kernel';
import { decideOnStream } from '@podgate/routed-resources';
import type { VolumeResourceKind } from '../../domain/volume-resource';
import type { VolumeResourceState } from '../../domain/volume-resource.state';
import { volumeProvisioningStream, volumeResourceModel, volumeResourceStream } from '../../domain/volume-resource.stream';
import type { VolumeResourceRoutes } from '../../location/volume-resource-routes';

/**
 * `<Kind>Created` + ResourceRouted in the new resource's stream, decided on the intent followed by
 * that stream (so whichever of the handler, a re-run and the confirmer records first, the others
 * record nothing; an adoption after a recorded failure is taken), then the route kept in memory.
 * Returns where the append landed (for read-your-writes), undefined when nothing was appended.
 */
export async function recordVolumeResourceCreated(
  store: EventStore,
  routes: VolumeResourceRoutes,
  created: { readonly kind: VolumeResourceKind; readonly resourceId: string; readonly provisioningId: string },
  intentState: VolumeResourceState,
  metadata: EventMetadata,
): Promise<GlobalPosition | undefined> {
  const { kind, resourceId, provisioningId } = created;
  const decision = await decideOnStream(
    store,
    volumeResourceModel(kind),
    volumeResourceStream(kind, resourceId),
    { type: 'RecordCreated', provisioningId, resourceId },
    metadata,
    { foldFirst: [volumeProvisioningStream(kind, provisioningId)], known: { state: intentState, revision: 'no_stream' } },
  );
  if (decision.state.status === 'created') {
    const { projectId, podId, azName } = decision.state.resource;
    routes.remember(kind, { id: resourceId, projectId, podId, azName });
  }
  return decision.appended?.position;
}
