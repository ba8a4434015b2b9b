// CONTRACT (session 4): the volumes slice implements the handler.
import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { ForwardedResponse } from '@podgate/openstack';
import type { VolumeForward, VolumeResourceKind } from '../../domain/volume-resource';

/**
 * DELETE of a volume, snapshot or backup: `<Kind>DeleteRequested`, forwarded, then
 * `<Kind>DeleteFailed` on a refusal, or (2xx) a bounded confirmation in the background that records
 * `<Kind>Deleted` + ResourceUnrouted once the pod answers Cinder's 404 for it.
 */
export class DeleteVolumeResourceCommand extends Command<ForwardedResponse> {
  constructor(
    readonly kind: VolumeResourceKind,
    readonly id: string,
    readonly forward: VolumeForward,
    readonly context: RequestContext,
  ) {
    super();
  }
}
