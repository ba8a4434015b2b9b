import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { VolumeTypeDefinition } from '../../domain/volume-type.events';
import type { VolumeTypeView } from '../../queries/volume-type-view';

/** Cinder's PUT /types/{id} (admin): name, description, is_public; absent ones stay. */
export class UpdateVolumeTypeCommand extends Command<VolumeTypeView> {
  constructor(
    readonly typeId: string,
    readonly changes: Partial<VolumeTypeDefinition>,
    readonly context: RequestContext,
  ) {
    super();
  }
}
