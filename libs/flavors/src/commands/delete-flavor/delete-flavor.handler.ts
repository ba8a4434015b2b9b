import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { FlavorWriter } from '../flavor-writer';
import { DeleteFlavorCommand } from './delete-flavor.command';

@CommandHandler(DeleteFlavorCommand)
export class DeleteFlavorHandler implements ICommandHandler<DeleteFlavorCommand> {
  constructor(private readonly writer: FlavorWriter) {}

  async execute({ flavorId, context }: DeleteFlavorCommand): Promise<void> {
    await this.writer.decide({ type: 'DeleteFlavor', flavorId }, context);
  }
}
