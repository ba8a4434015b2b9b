import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { flavorViewOf } from '../flavor-view-of-state';
import { FlavorWriter } from '../flavor-writer';
import { RemoveFlavorAccessCommand } from './remove-flavor-access.command';

@CommandHandler(RemoveFlavorAccessCommand)
export class RemoveFlavorAccessHandler implements ICommandHandler<RemoveFlavorAccessCommand> {
  constructor(private readonly writer: FlavorWriter) {}

  async execute({ flavorId, projectId, context }: RemoveFlavorAccessCommand): Promise<readonly string[]> {
    const { state } = await this.writer.decide({ type: 'RemoveFlavorAccess', flavorId, projectId }, context);
    return flavorViewOf(state, flavorId).projects;
  }
}
