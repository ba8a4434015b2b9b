import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { FlavorDefinition } from '../../domain/flavor.events';
import type { FlavorView } from '../../queries/flavors/flavor-view';

export interface DefineFlavorInput {
  /** Nova's public id; absent: a UUID derived from the request id, so a re-run meets the same stream. */
  readonly flavorId?: string;
  readonly definition: FlavorDefinition;
}

export class DefineFlavorCommand extends Command<FlavorView> {
  constructor(
    readonly input: DefineFlavorInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}
