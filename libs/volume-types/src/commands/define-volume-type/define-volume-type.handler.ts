import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { deterministicId } from '@podgate/kernel';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';
import { VolumeTypeExistsError } from '../../domain/volume-type.errors';
import { findLiveVolumeTypeIdByName } from '../../queries/find-volume-type.query';
import type { VolumeTypeView } from '../../queries/volume-type-view';
import { VolumeTypeWriter, volumeTypeViewOf } from '../volume-type-writer';
import { DefineVolumeTypeCommand } from './define-volume-type.command';

/**
 * Names are unique among live types, across streams, so the name is checked on rm_volume_types
 * first (Cinder's 409 "Volume Type <name> already exists."). Two admins defining one name at the
 * same instant can both pass: accepted, as the read model is the only index of names.
 */
@CommandHandler(DefineVolumeTypeCommand)
export class DefineVolumeTypeHandler implements ICommandHandler<DefineVolumeTypeCommand> {
  constructor(
    private readonly writer: VolumeTypeWriter,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlExecutor,
  ) {}

  async execute({ input, context }: DefineVolumeTypeCommand): Promise<VolumeTypeView> {
    const typeId = input.typeId ?? deterministicId('volumeType', context.requestId);
    const holder = await findLiveVolumeTypeIdByName(this.sql, input.definition.name);
    if (holder !== undefined && holder !== typeId) throw new VolumeTypeExistsError(input.definition.name);
    const command = { type: 'DefineVolumeType', typeId, definition: input.definition, extraSpecs: input.extraSpecs } as const;
    const { state } = await this.writer.decide(command, context);
    return volumeTypeViewOf(state, typeId);
  }
}
