import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { metadataFor, type RequestContext } from '@podgate/kernel';
import { decideOnStream, EVENT_STORE, type EventStore, type GlobalPosition, type StreamDecision } from '@podgate/event-store';
import { READ_MODEL_SQL, waitForCheckpoint } from '@podgate/read-model';
import { databaseErrorSummary, isDatabaseUnavailable, type SqlClient } from '@podgate/sql';
import { type BindingCommand, bindingDecider, type BindingState } from '../domain/binding.decider';
import { BindingNotFoundError } from '../domain/binding.errors';
import type { BindingEvent } from '../domain/binding.events';
import { bindingStream } from '../domain/binding.stream';
import { bindingsProjection } from '../projections/bindings/bindings.projection';
import { findBinding } from '../queries/bindings/binding.queries';
import type { BindingView } from '../queries/bindings/binding.view';
import { type BindingHistoryEvent, bindingFromHistory } from './binding-from-history';
import { BINDINGS_WRITE_OPTIONS, type BindingsWriteOptions, resolveBindingsWriteOptions } from './bindings-write.options';

/**
 * The write path of the admin binding commands: decide on the key's stream with the exact expected
 * revision, wait (bounded) until rm_bindings has applied the append so the admin reads their own
 * write, and answer with the row; when the wait times out, the read model fails after the append
 * committed, or nothing was appended and the row may be stale, answer from the stream itself.
 */
@Injectable()
export class BindingWriter {
  readonly options: ReturnType<typeof resolveBindingsWriteOptions>;
  private readonly logger = new Logger(BindingWriter.name);

  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(READ_MODEL_SQL) readonly sql: SqlClient,
    @Optional() @Inject(BINDINGS_WRITE_OPTIONS) options?: BindingsWriteOptions,
  ) {
    this.options = resolveBindingsWriteOptions(options);
  }

  async decide(
    keyId: string,
    command: (now: string) => BindingCommand,
    context: RequestContext,
  ): Promise<StreamDecision<BindingEvent, BindingState>> {
    const now = this.options.clock.now();
    return decideOnStream(
      this.store,
      bindingStream(keyId),
      bindingDecider,
      command(now.toISOString()),
      metadataFor(context, now),
    );
  }

  async viewAfter(keyId: string, decision: StreamDecision<BindingEvent, BindingState>, bindingId: string): Promise<BindingView> {
    const position = decision.appended?.position;
    const row = position ? await this.projectedRow(position, bindingId) : undefined;
    if (row) return row;
    const view = bindingFromHistory(await readHistory(this.store, keyId), bindingId);
    if (!view) throw new BindingNotFoundError(bindingId);
    return view;
  }

  /** The row once rm_bindings has applied `position`; undefined if it is late or fails (the append has committed). */
  private async projectedRow(position: GlobalPosition, bindingId: string): Promise<BindingView | undefined> {
    try {
      if (!(await waitForCheckpoint(this.sql, bindingsProjection, position, this.options.readYourWritesMs))) return undefined;
      return await findBinding(this.sql, bindingId);
    } catch (error) {
      // An error now would have the admin retry a change that was recorded.
      const log = isDatabaseUnavailable(error) ? 'warn' : 'error';
      this.logger[log](
        `read model failed after binding ${bindingId} was written (${databaseErrorSummary(error)}); answering from the stream`,
      );
      return undefined;
    }
  }
}

export async function readHistory(store: EventStore, keyId: string): Promise<BindingHistoryEvent[]> {
  const recorded = await store.readStream(bindingStream(keyId));
  return recorded.map((e) => ({ type: e.type, data: e.data, metadata: e.metadata }) as unknown as BindingHistoryEvent);
}
