import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';
import { VolumeTypeExistsError } from '../../domain/volume-type.errors';
import { findLiveVolumeTypeIdByName } from '../../queries/find-volume-type.query';
import type { VolumeTypeView } from '../../queries/volume-type-view';
import { VolumeTypeWriter, volumeTypeViewOf } from '../volume-type-writer';
import { UpdateVolumeTypeCommand } from './update-volume-type.command';

/** A rename to a name another live type holds is Cinder's 409 (Trio2o answered 500 here). */
@CommandHandler(UpdateVolumeTypeCommand)
export class UpdateVolumeTypeHandler implements ICommandHandler<UpdateVolumeTypeCommand> {
  constructor(
    private readonly writer: VolumeTypeWriter,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlExecutor,
  ) {}

  async execute({ typeId, changes, context }: UpdateVolumeTypeCommand): Promise<VolumeTypeView> {
    if (changes.name !== undefined) {
      const holder = await findLiveVolumeTypeIdByName(this.sql, changes.name);
      if (holder !== undefined && holder !== typeId) throw new VolumeTypeExistsError(changes.name);
    }
    const { state } = await this.writer.decide({ type: 'UpdateVolumeType', typeId, changes }, context);
    return volumeTypeViewOf(state, typeId);
  }
}
