import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';

/** Nova deletes a flavor for good; pods are cleaned up by the reconciler afterwards. */
export class DeleteFlavorCommand extends Command<void> {
  constructor(
    readonly flavorId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}
