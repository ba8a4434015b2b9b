import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { VolumeTypeCommand } from '../../domain/volume-type.decider';
import type { VolumeTypeState } from '../../domain/volume-type.state';

/** The admin changes that need nothing but the type's own stream. */
export type VolumeTypeChange = Extract<
  VolumeTypeCommand,
  {
    type:
      | 'DeleteVolumeType'
      | 'SetVolumeTypeExtraSpecs'
      | 'UnsetVolumeTypeExtraSpec'
      | 'AddVolumeTypeAccess'
      | 'RemoveVolumeTypeAccess';
  }
>;

/** DELETE /types/{id}, extra specs POST/PUT/DELETE, addProjectAccess/removeProjectAccess; answers the decided state. */
export class ChangeVolumeTypeCommand extends Command<VolumeTypeState> {
  constructor(
    readonly change: VolumeTypeChange,
    readonly context: RequestContext,
  ) {
    super();
  }
}
