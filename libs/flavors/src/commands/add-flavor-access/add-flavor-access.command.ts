import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';

/** addTenantAccess on a private flavor; answers the flavor's access list (project ids, in order). */
export class AddFlavorAccessCommand extends Command<readonly string[]> {
  constructor(
    readonly flavorId: string,
    readonly projectId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}
