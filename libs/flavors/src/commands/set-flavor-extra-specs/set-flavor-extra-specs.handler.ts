import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { flavorViewOf } from '../flavor-view-of-state';
import { FlavorWriter } from '../flavor-writer';
import { SetFlavorExtraSpecsCommand } from './set-flavor-extra-specs.command';

@CommandHandler(SetFlavorExtraSpecsCommand)
export class SetFlavorExtraSpecsHandler implements ICommandHandler<SetFlavorExtraSpecsCommand> {
  constructor(private readonly writer: FlavorWriter) {}

  async execute({ flavorId, specs, context }: SetFlavorExtraSpecsCommand): Promise<Readonly<Record<string, string>>> {
    const { state } = await this.writer.decide({ type: 'SetFlavorExtraSpecs', flavorId, specs }, context);
    return flavorViewOf(state, flavorId).extraSpecs;
  }
}
