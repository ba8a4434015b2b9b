import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';

export class DeleteFlavorExtraSpecCommand extends Command<void> {
  constructor(
    readonly flavorId: string,
    readonly key: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}
