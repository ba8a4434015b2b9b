import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { FlavorWriter } from '../flavor-writer';
import { DeleteFlavorExtraSpecCommand } from './delete-flavor-extra-spec.command';

@CommandHandler(DeleteFlavorExtraSpecCommand)
export class DeleteFlavorExtraSpecHandler implements ICommandHandler<DeleteFlavorExtraSpecCommand> {
  constructor(private readonly writer: FlavorWriter) {}

  async execute({ flavorId, key, context }: DeleteFlavorExtraSpecCommand): Promise<void> {
    await this.writer.decide({ type: 'DeleteFlavorExtraSpec', flavorId, key }, context);
  }
}
