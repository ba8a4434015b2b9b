import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { ForwardedResponse } from '@podgate/openstack';
import type { ServerForward } from '../server-forward';

/**
 * Any state-changing call on one server: POST /action (action = the body's key, e.g. `os-stop`),
 * and the writes on its sub-resources (action = `<METHOD> <first path segment>`, e.g.
 * `PUT metadata`, `POST os-volume_attachments`; `PUT server` for an update). Records
 * ServerActionRequested before and ServerActionSucceeded/Failed after, with the pod's status.
 * Unknown (or another tenant's) server: ServerNotFoundError. Pod unreachable: PodUnreachableError
 * after recording ServerActionFailed with status 503.
 */
export class RequestServerActionCommand extends Command<ForwardedResponse> {
  constructor(
    readonly serverId: string,
    readonly action: string,
    readonly forward: ServerForward,
    readonly context: RequestContext,
  ) {
    super();
  }
}
