import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { VolumeTypeDefinition } from '../../domain/volume-type.events';
import type { VolumeTypeView } from '../../queries/volume-type-view';

export interface DefineVolumeTypeInput {
  readonly definition: VolumeTypeDefinition;
  readonly extraSpecs: Readonly<Record<string, string>>;
  /** Absent: a UUID derived from the request id, so a re-run meets the same stream. */
  readonly typeId?: string;
}

/** Cinder's POST /types (admin). */
export class DefineVolumeTypeCommand extends Command<VolumeTypeView> {
  constructor(
    readonly input: DefineVolumeTypeInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}
