// CONTRACT (session 4): the volumes slice implements the handler.
import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { ForwardedResponse } from '@podgate/openstack';
import type { VolumeForward, VolumeResourceKind } from '../../domain/volume-resource';

/**
 * Any state-changing call on an existing volume, snapshot or backup (an action such as `os-extend`,
 * an update `PUT`, a metadata write `PUT metadata`, `DELETE metadata`): located for the caller,
 * `<Kind>ActionRequested` recorded, forwarded, `<Kind>ActionSucceeded`/`<Kind>ActionFailed`
 * recorded with the pod's status. The pod's answer is returned unchanged (errors included);
 * an unreachable pod throws PodUnreachableError after recording the failure.
 */
export class RequestVolumeActionCommand extends Command<ForwardedResponse> {
  constructor(
    readonly kind: VolumeResourceKind,
    readonly id: string,
    readonly action: string,
    readonly forward: VolumeForward,
    readonly context: RequestContext,
  ) {
    super();
  }
}
