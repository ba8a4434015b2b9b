import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';

/**
 * The server's pod answered Nova's own 404 for a routed server (isNovaServerGone): record
 * ServerDeleted (and unroute). Idempotent. `deleteId`: the delete request the pod accepted, when the
 * caller knows it (the deletion confirmer); otherwise the last one the pod did not refuse, if any.
 */
export class RecordServerGoneCommand extends Command<void> {
  constructor(
    readonly serverId: string,
    readonly context: RequestContext,
    readonly deleteId?: string,
  ) {
    super();
  }
}
