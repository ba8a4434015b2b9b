import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { type ResourceDecision, ResourceWriter } from '@podgate/pod-sync';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { type FlavorCommand, flavorDecider } from '../domain/flavor.decider';
import type { FlavorEvent } from '../domain/flavor.events';
import type { FlavorState } from '../domain/flavor.state';
import { flavorStream } from '../domain/flavor.stream';
import { flavorsProjection } from '../projections/flavors/flavors.projection';
import { FLAVORS_WRITE_OPTIONS, type FlavorsWriteOptions } from './flavors-write.options';

export type FlavorDecision = ResourceDecision<FlavorEvent, FlavorState>;

/**
 * The write path every flavor command shares (the shared ResourceWriter): decide on `flavor-<id>`,
 * then wait (bounded) until rm_flavors has applied the append.
 */
@Injectable()
export class FlavorWriter extends ResourceWriter<FlavorCommand, FlavorEvent, FlavorState, 'flavorId'> {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_SQL) sql: SqlClient,
    @Optional() @Inject(FLAVORS_WRITE_OPTIONS) options?: FlavorsWriteOptions,
  ) {
    const writing = {
      decider: flavorDecider,
      idField: 'flavorId',
      streamOf: flavorStream,
      projection: flavorsProjection,
      logger: new Logger(FlavorWriter.name),
    } as const;
    super(store, sql, writing, options);
  }
}
