import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { ForwardedResponse } from '@podgate/openstack';
import type { ServerForward } from '../server-forward';

/**
 * DELETE /servers/{id} (and forceDelete goes through RequestServerActionCommand). Records
 * ServerDeleteRequested, forwards, and once the pod confirms the server is gone (its GET answers
 * 404) records ServerDeleted with ResourceUnrouted.
 */
export class DeleteServerCommand extends Command<ForwardedResponse> {
  constructor(
    readonly serverId: string,
    readonly forward: ServerForward,
    readonly context: RequestContext,
  ) {
    super();
  }
}
