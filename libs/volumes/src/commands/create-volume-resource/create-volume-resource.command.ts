// CONTRACT (session 4): the volumes slice implements the handler.
import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { PodView } from '@podgate/pods';
import type { CreatedInPod, CreatePlacement, VolumeForward, VolumeResourceKind } from '../../domain/volume-resource';

/**
 * Creates a volume, snapshot or backup in a pod: the pod is chosen (placement), the intent
 * (`<Kind>ProvisioningRequested`) recorded, the call forwarded, and the outcome recorded:
 * `<Kind>Created` + ResourceRouted when the pod answered 2xx with an id, else
 * `<Kind>ProvisioningFailed`. A re-run with the same request id never forwards twice.
 *
 * `forwardFor(pod, podAzName)` builds the call once the pod is known (the body carries the pod's own
 * AZ, not podgate's). `createdIdOf(body)` finds the new id in the pod's answer (default:
 * `body[kind].id`; a backup restore's is `body.restore.volume_id`).
 * Placement by resource: the parent is located for the caller's scope (404 if not theirs).
 */
export class CreateVolumeResourceCommand extends Command<CreatedInPod> {
  constructor(
    readonly kind: VolumeResourceKind,
    readonly placement: CreatePlacement,
    readonly forwardFor: (pod: PodView, podAzName: string) => VolumeForward,
    readonly context: RequestContext,
    readonly createdIdOf?: (body: unknown) => string | undefined,
  ) {
    super();
  }
}
