import type { LoggerService } from '@nestjs/common';
import { type Clock, type Decider, metadataFor, type RequestContext, systemClock } from '@podgate/kernel';
import {
  type DecidedEvent,
  decideOnStream,
  type EventStore,
  loadStream,
  type StreamDecision,
  StreamVersionConflictError,
} from '@podgate/event-store';
import { type Projection, waitForCheckpoint } from '@podgate/read-model';
import { databaseErrorSummary, type SqlClient } from '@podgate/sql';

const CONFLICT_ATTEMPTS = 3;

const DEFAULT_READ_YOUR_WRITES_MS = 5000;

/** Optional tuning of a writer; tests set a fixed clock and a short read-your-writes wait. */
export interface ResourceWriteOptions {
  readonly clock?: Clock;
  /** How long a command waits for the read model to show its own write before answering anyway. */
  readonly readYourWritesMs?: number;
}

/** What a writer needs of its slice: the decider, where each resource's stream is, and its read model. */
export interface ResourceWriting<C extends { readonly [K in I]: string }, E extends DecidedEvent, S, I extends string> {
  readonly decider: Decider<C, E, S>;
  /** The command's field naming the resource (`flavorId`, `typeId`). */
  readonly idField: I;
  readonly streamOf: (id: string) => string;
  readonly projection: Projection;
  readonly logger: Pick<LoggerService, 'warn'>;
}

export interface ResourceDecision<E, S> {
  readonly events: E[];
  readonly state: S;
}

/**
 * The write path of a resource defined once at the gateway (flavors, volume types): decide on its
 * stream with the exact expected revision, then wait (bounded) until the read model has applied the
 * append, so the admin's next list shows the change. Answers come from the decided state (the
 * truth), never from a lagging row, and a read model failing after the append is logged, not
 * answered: the change is recorded.
 */
export class ResourceWriter<C extends { readonly [K in I]: string }, E extends DecidedEvent, S, I extends string> {
  private readonly clock: Clock;
  private readonly readYourWritesMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly writing: ResourceWriting<C, E, S, I>,
    options: ResourceWriteOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.readYourWritesMs = options.readYourWritesMs ?? DEFAULT_READ_YOUR_WRITES_MS;
  }

  /** `awaitReadModel: false` for the reconciler's records: it re-checks the stream itself, nobody reads the row back. */
  async decide(
    command: C,
    context: RequestContext,
    { awaitReadModel = true }: { readonly awaitReadModel?: boolean } = {},
  ): Promise<ResourceDecision<E, S>> {
    const metadata = metadataFor(context, this.clock.now());
    const decision = await this.decideOnFreshState(command, metadata);
    const position = decision.appended?.position;
    const { projection, logger } = this.writing;
    const id = command[this.writing.idField];
    if (position && awaitReadModel) {
      try {
        const caughtUp = await waitForCheckpoint(this.sql, projection, position, this.readYourWritesMs);
        if (!caughtUp) logger.warn(`${projection.name} has not caught up with ${id} yet`);
      } catch (error) {
        logger.warn(`read model failed after ${id} was written (${databaseErrorSummary(error)})`);
      }
    }
    return { events: decision.events, state: decision.state };
  }

  /** The resource's state folded from its stream (the reconciler's truth when the read model lags). */
  async load(id: string): Promise<S> {
    return (await this.loadStream(id)).state;
  }

  /** decideOnStream, re-deciding on conflict (a replica's record, a concurrent admin) on a stream read here. */
  private async decideOnFreshState(command: C, metadata: ReturnType<typeof metadataFor>): Promise<StreamDecision<E, S>> {
    const id = command[this.writing.idField];
    for (let attempt = 1; ; attempt++) {
      const known = await this.loadStream(id);
      try {
        return await decideOnStream(this.store, this.writing.streamOf(id), this.writing.decider, command, metadata, {
          known,
          attempts: 1,
        });
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError) || attempt >= CONFLICT_ATTEMPTS) throw error;
      }
    }
  }

  private loadStream(id: string): Promise<{ revision: bigint | 'no_stream'; state: S }> {
    return loadStream(this.store, this.writing.streamOf(id), this.writing.decider);
  }
}
