import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { type Decider, metadataFor, type RequestContext } from '@podgate/kernel';
import {
  type DecidedEvent,
  decideOnStream,
  EVENT_STORE,
  type EventStore,
  loadStream,
  type StreamDecision,
} from '@podgate/event-store';
import { READ_MODEL_SQL, waitForCheckpoint } from '@podgate/read-model';
import { databaseErrorSummary, isDatabaseUnavailable, type SqlClient } from '@podgate/sql';
import { type PodCommand, podDecider, type PodState } from '../domain/pod.decider';
import { PodNotFoundError } from '../domain/pod.errors';
import type { PodEvent } from '../domain/pod.events';
import { podStream } from '../domain/pod.stream';
import type { PodUsageEvent } from '../domain/pod-usage.events';
import { podsProjection } from '../projections/pods/pods.projection';
import { findPod } from '../queries/pods/find-pod.query';
import type { PodView } from '../queries/pods/pod-view';
import { podViewFromState } from './pod-view-fallback';
import { PODS_WRITE_OPTIONS, type PodsWriteOptions, resolveWriteOptions } from './pods-write.options';

/**
 * The write path every pod command shares: decide on the stream with the exact expected revision,
 * wait (bounded) until rm_pods has applied the append, and answer with the row. When the wait times
 * out, the read model fails after the append committed, or nothing was appended (the row may lag
 * an earlier write), answer from the decided state laid over whatever row there is, so the admin
 * reads their own write anyway and is never told a recorded change failed.
 */
@Injectable()
export class PodWriter {
  private readonly options: ReturnType<typeof resolveWriteOptions>;
  private readonly logger = new Logger(PodWriter.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlClient,
    @Optional() @Inject(PODS_WRITE_OPTIONS) options?: PodsWriteOptions,
  ) {
    this.options = resolveWriteOptions(options);
  }

  get clock() {
    return this.options.clock;
  }

  /** Decides a pod command on `pod-<podId>` and returns the pod as it now is. */
  async decidePod(command: PodCommand, context: RequestContext): Promise<PodView> {
    const occurredAt = this.clock.now();
    const decision = await decideOnStream(
      this.store,
      podStream(command.podId),
      podDecider,
      command,
      metadataFor(context, occurredAt),
    );
    return this.viewAfter(command.podId, decision, decision.state, occurredAt);
  }

  /** Decides on another stream of the pod (its usage), answering with the pod's view. */
  async decideOnPodStream<C, E extends PodUsageEvent, S>(
    podId: string,
    stream: string,
    decider: Decider<C, E, S>,
    command: C,
    context: RequestContext,
  ): Promise<PodView> {
    const pod = await this.loadPod(podId);
    if (pod.status !== 'registered') throw new PodNotFoundError(podId);
    const occurredAt = this.clock.now();
    const decision = await decideOnStream(this.store, stream, decider, command, metadataFor(context, occurredAt));
    return this.viewAfter(podId, decision, pod, occurredAt);
  }

  /** The pod's decided state, folded from its stream (the truth, not the read model). */
  async loadPod(podId: string): Promise<PodState> {
    return (await loadStream(this.store, podStream(podId), podDecider)).state;
  }

  private async viewAfter<E extends DecidedEvent>(
    podId: string,
    decision: StreamDecision<E, unknown>,
    podState: PodState,
    occurredAt: Date,
  ): Promise<PodView> {
    const position = decision.appended?.position;
    const events = decision.events as unknown as (PodEvent | PodUsageEvent)[];
    const fromState = (row: PodView | undefined): PodView => {
      const view = podViewFromState(podState, row, { events, occurredAt, position });
      if (!view) throw new PodNotFoundError(podId);
      return view;
    };
    // Nothing recorded: a failing read model is the answer (a retry is harmless).
    if (!position) return fromState(await findPod(this.sql, podId));
    let row: PodView | undefined;
    try {
      const caughtUp = await waitForCheckpoint(this.sql, podsProjection, position, this.options.readYourWritesMs);
      row = await findPod(this.sql, podId);
      if (row && caughtUp) return row;
    } catch (error) {
      // The append committed: an error now would have the admin retry into a 409.
      const log = isDatabaseUnavailable(error) ? 'warn' : 'error';
      this.logger[log](
        `read model failed after pod ${podId} was written (${databaseErrorSummary(error)}); answering from the decided state`,
      );
    }
    return fromState(row);
  }
}
