import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';

/**
 * os-extra_specs create (several keys) and update (one key): merged into the flavor's specs.
 * Values arrive as strings (the controller stringifies numbers, as Nova stores them). Answers
 * every extra spec the flavor now has.
 */
export class SetFlavorExtraSpecsCommand extends Command<Readonly<Record<string, string>>> {
  constructor(
    readonly flavorId: string,
    readonly specs: Readonly<Record<string, string>>,
    readonly context: RequestContext,
  ) {
    super();
  }
}
