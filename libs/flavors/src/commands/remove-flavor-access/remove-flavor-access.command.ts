import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';

/** removeTenantAccess; answers the flavor's access list after the removal. */
export class RemoveFlavorAccessCommand extends Command<readonly string[]> {
  constructor(
    readonly flavorId: string,
    readonly projectId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}
