import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { flavorViewOf } from '../flavor-view-of-state';
import { FlavorWriter } from '../flavor-writer';
import { AddFlavorAccessCommand } from './add-flavor-access.command';

@CommandHandler(AddFlavorAccessCommand)
export class AddFlavorAccessHandler implements ICommandHandler<AddFlavorAccessCommand> {
  constructor(private readonly writer: FlavorWriter) {}

  async execute({ flavorId, projectId, context }: AddFlavorAccessCommand): Promise<readonly string[]> {
    const { state } = await this.writer.decide({ type: 'AddFlavorAccess', flavorId, projectId }, context);
    return flavorViewOf(state, flavorId).projects;
  }
}
