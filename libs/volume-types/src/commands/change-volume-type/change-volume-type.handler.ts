import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { VolumeTypeState } from '../../domain/volume-type.state';
import { VolumeTypeWriter } from '../volume-type-writer';
import { ChangeVolumeTypeCommand } from './change-volume-type.command';

@CommandHandler(ChangeVolumeTypeCommand)
export class ChangeVolumeTypeHandler implements ICommandHandler<ChangeVolumeTypeCommand> {
  constructor(private readonly writer: VolumeTypeWriter) {}

  async execute({ change, context }: ChangeVolumeTypeCommand): Promise<VolumeTypeState> {
    return (await this.writer.decide(change, context)).state;
  }
}
