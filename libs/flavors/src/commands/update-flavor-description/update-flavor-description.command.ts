import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { FlavorView } from '../../queries/flavors/flavor-view';

/** PUT /flavors/{id} (microversion 2.55+): the description is all Nova lets change; null clears it. */
export class UpdateFlavorDescriptionCommand extends Command<FlavorView> {
  constructor(
    readonly flavorId: string,
    readonly description: string | null,
    readonly context: RequestContext,
  ) {
    super();
  }
}
