import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';

/** The server's pod answered 404 for a routed server: record ServerDeleted (and unroute). Idempotent. */
export class RecordServerGoneCommand extends Command<void> {
  constructor(
    readonly serverId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}
