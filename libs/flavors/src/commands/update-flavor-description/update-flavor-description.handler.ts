import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FlavorView } from '../../queries/flavors/flavor-view';
import { flavorViewOf } from '../flavor-view-of-state';
import { FlavorWriter } from '../flavor-writer';
import { UpdateFlavorDescriptionCommand } from './update-flavor-description.command';

@CommandHandler(UpdateFlavorDescriptionCommand)
export class UpdateFlavorDescriptionHandler implements ICommandHandler<UpdateFlavorDescriptionCommand> {
  constructor(private readonly writer: FlavorWriter) {}

  async execute({ flavorId, description, context }: UpdateFlavorDescriptionCommand): Promise<FlavorView> {
    const { state } = await this.writer.decide({ type: 'UpdateFlavorDescription', flavorId, description }, context);
    return flavorViewOf(state, flavorId);
  }
}
