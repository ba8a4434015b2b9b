import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { metadataFor, type RequestContext } from '@podgate/kernel';
import {
  decideOnStream,
  EVENT_STORE,
  type EventStore,
  loadStream,
  type StreamDecision,
  StreamVersionConflictError,
} from '@podgate/event-store';
import { READ_MODEL_SQL, waitForCheckpoint } from '@podgate/read-model';
import { databaseErrorSummary, type SqlClient } from '@podgate/sql';
import { type FlavorCommand, flavorDecider } from '../domain/flavor.decider';
import type { FlavorEvent } from '../domain/flavor.events';
import type { FlavorState } from '../domain/flavor.state';
import { flavorStream } from '../domain/flavor.stream';
import { flavorsProjection } from '../projections/flavors/flavors.projection';
import { FLAVORS_WRITE_OPTIONS, type FlavorsWriteOptions, resolveFlavorsWriteOptions } from './flavors-write.options';

const CONFLICT_ATTEMPTS = 3;

export interface FlavorDecision {
  readonly events: FlavorEvent[];
  readonly state: FlavorState;
}

/**
 * The write path every flavor command shares: decide on `flavor-<id>` with the exact expected
 * revision, then wait (bounded) until rm_flavors has applied the append, so the admin's next list
 * shows the change. Answers come from the decided state (the truth), never from a lagging row, and
 * a read model failing after the append is logged, not answered: the change is recorded.
 */
@Injectable()
export class FlavorWriter {
  private readonly options: ReturnType<typeof resolveFlavorsWriteOptions>;
  private readonly logger = new Logger(FlavorWriter.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlClient,
    @Optional() @Inject(FLAVORS_WRITE_OPTIONS) options?: FlavorsWriteOptions,
  ) {
    this.options = resolveFlavorsWriteOptions(options);
  }

  /** `awaitReadModel: false` for the reconciler's records: it re-checks the stream itself, nobody reads the row back. */
  async decide(
    command: FlavorCommand,
    context: RequestContext,
    { awaitReadModel = true }: { readonly awaitReadModel?: boolean } = {},
  ): Promise<FlavorDecision> {
    const metadata = metadataFor(context, this.options.clock.now());
    const decision = await this.decideOnFreshState(command, metadata);
    const position = decision.appended?.position;
    if (position && awaitReadModel) {
      try {
        const caughtUp = await waitForCheckpoint(this.sql, flavorsProjection, position, this.options.readYourWritesMs);
        if (!caughtUp) this.logger.warn(`rm_flavors has not caught up with flavor ${command.flavorId} yet`);
      } catch (error) {
        this.logger.warn(`read model failed after flavor ${command.flavorId} was written (${databaseErrorSummary(error)})`);
      }
    }
    return { events: decision.events, state: decision.state };
  }

  /** The flavor's state folded from its stream (the reconciler's truth when rm_flavors lags). */
  async load(flavorId: string): Promise<FlavorState> {
    return (await this.loadStream(flavorId)).state;
  }

  /** decideOnStream, re-deciding on conflict (a replica's record, a concurrent admin) on a stream read here. */
  private async decideOnFreshState(
    command: FlavorCommand,
    metadata: ReturnType<typeof metadataFor>,
  ): Promise<StreamDecision<FlavorEvent, FlavorState>> {
    for (let attempt = 1; ; attempt++) {
      const known = await this.loadStream(command.flavorId);
      try {
        return await decideOnStream(this.store, flavorStream(command.flavorId), flavorDecider, command, metadata, {
          known,
          attempts: 1,
        });
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError) || attempt >= CONFLICT_ATTEMPTS) throw error;
      }
    }
  }

  private async loadStream(flavorId: string): Promise<{ revision: bigint | 'no_stream'; state: FlavorState }> {
    return loadStream(this.store, flavorStream(flavorId), flavorDecider);
  }
}
