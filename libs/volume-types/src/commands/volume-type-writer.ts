import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { ResourceWriter, type ResourceWriteOptions } from '@podgate/pod-sync';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { type VolumeTypeCommand, volumeTypeDecider } from '../domain/volume-type.decider';
import type { VolumeTypeEvent } from '../domain/volume-type.events';
import { VolumeTypeNotFoundError } from '../domain/volume-type.errors';
import type { VolumeTypeState } from '../domain/volume-type.state';
import { volumeTypeStream } from '../domain/volume-type.stream';
import { volumeTypesProjection } from '../projections/volume-types/volume-types.projection';
import type { VolumeTypeView } from '../queries/volume-type-view';

export const VOLUME_TYPES_WRITE_OPTIONS = Symbol('VOLUME_TYPES_WRITE_OPTIONS');

/**
 * The write path every volume type command shares (the shared ResourceWriter, as flavors'): decide
 * on `volumeType-<id>`, then wait (bounded) until rm_volume_types has applied the append.
 */
@Injectable()
export class VolumeTypeWriter extends ResourceWriter<VolumeTypeCommand, VolumeTypeEvent, VolumeTypeState, 'typeId'> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_SQL) sql: SqlClient,
    @Optional() @Inject(VOLUME_TYPES_WRITE_OPTIONS) options?: ResourceWriteOptions,
  ) {
    const writing = {
      decider: volumeTypeDecider,
      idField: 'typeId',
      streamOf: volumeTypeStream,
      projection: volumeTypesProjection,
      logger: new Logger(VolumeTypeWriter.name),
    } as const;
    super(store, sql, writing, options);
  }
}

/** A command's answer: the type as decided (the stream is the truth; the row may still lag). */
export function volumeTypeViewOf(state: VolumeTypeState, typeId: string): VolumeTypeView {
  if (state.status !== 'defined') throw new VolumeTypeNotFoundError(typeId);
  const { volumeType } = state;
  return {
    typeId,
    ...volumeType.definition,
    extraSpecs: volumeType.extraSpecs,
    projects: volumeType.projects,
    generation: state.generation,
  };
}
