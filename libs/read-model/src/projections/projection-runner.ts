import { comparePositions, type EventStore, type GlobalPosition, positionToString } from '@podgate/event-store';
import type { SqlClient } from '@podgate/sql';
import { type Checkpoint, ensureCheckpoint, findCheckpoint } from '../checkpoints/checkpoint.store';
import { applyBatch, ProjectionRebuiltError } from './apply-batch';
import { consumeInBatches } from './consume-in-batches';
import type { Projection } from './projection';

/** The slice of a pino logger the runner uses. */
export interface RunnerLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface RunnerOptions {
  readonly batchSize?: number;
  readonly flushMs?: number;
  /** First wait after a failure; doubles up to 30 s. */
  readonly retryMs?: number;
  readonly logger?: RunnerLogger;
}

export type RunnerState = 'idle' | 'catching-up' | 'live' | 'retrying' | 'stopped';

export interface ProjectionLag {
  readonly projection: string;
  readonly version: number;
  readonly state: RunnerState;
  readonly position: string | undefined;
  readonly eventsApplied: number;
  /** Matching events in the log after the checkpoint, counted up to 100,000. */
  readonly eventsBehind: number;
  /** Age of the oldest event not yet applied; 0 when none is waiting. */
  readonly secondsBehind: number;
  readonly lastError?: string;
}

const LAG_COUNT_CAP = 100_000;
const silent: RunnerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Keeps one projection up to date: a catch-up subscription from its checkpoint, batches written
 * with their checkpoint in one transaction, and a restart with backoff after any failure (the event
 * store or read model being down included). Restartable at any point: the checkpoint is the truth.
 */
export class ProjectionRunner {
  private state: RunnerState = 'idle';
  private checkpoint: Checkpoint | undefined;
  private lastError: string | undefined;
  private loop: Promise<void> | undefined;
  private stopRequested = false;
  private closeSubscription: (() => Promise<void>) | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    readonly projection: Projection,
    private readonly options: RunnerOptions = {},
  ) {}

  start(): void {
    this.stopRequested = false;
    this.loop ??= this.runUntilStopped();
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    await this.closeSubscription?.();
    await this.loop;
    this.loop = undefined;
    this.state = 'stopped';
  }

  /** Measured from this runner's checkpoint, or from the database's when another process runs it. */
  async lag(): Promise<ProjectionLag> {
    const checkpoint = this.loop ? this.checkpoint : await findCheckpoint(this.sql, this.projection);
    const fromPosition = checkpoint?.position;
    const filter = this.projection.filter;
    const [eventsBehind, [oldest]] = await Promise.all([
      this.store.countAll({ fromPosition, filter, maxCount: LAG_COUNT_CAP }),
      this.store.readAll({ fromPosition, filter, maxCount: 1 }),
    ]);
    return {
      projection: this.projection.name,
      version: this.projection.version,
      state: this.state,
      position: fromPosition && positionToString(fromPosition),
      eventsApplied: checkpoint?.eventsApplied ?? 0,
      eventsBehind,
      secondsBehind: oldest ? Math.max(0, (Date.now() - oldest.recordedAt.getTime()) / 1000) : 0,
      lastError: this.lastError,
    };
  }

  /** Resolves true once the projection has applied everything up to `position` (read-your-writes). */
  async waitFor(position: GlobalPosition, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.checkpoint && comparePositions(this.checkpoint.position, position) >= 0) return true;
      if ((await this.lag()).eventsBehind === 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return false;
  }

  private async runUntilStopped(): Promise<void> {
    let retryMs = this.options.retryMs ?? 500;
    while (!this.stopRequested) {
      try {
        await this.followFromCheckpoint();
        retryMs = this.options.retryMs ?? 500;
      } catch (error) {
        if (this.stopRequested) break;
        const rebuilt = error instanceof ProjectionRebuiltError;
        this.lastError = (error as Error).message;
        this.state = 'retrying';
        (rebuilt ? this.logger.info : this.logger.error).call(
          this.logger,
          { projection: this.projection.name, err: error },
          'projection restarting',
        );
        await new Promise((resolve) => setTimeout(resolve, rebuilt ? 0 : retryMs));
        retryMs = Math.min(retryMs * 2, 30_000);
      }
    }
  }

  private async followFromCheckpoint(): Promise<void> {
    const checkpoint = await this.sql.transaction((tx) => ensureCheckpoint(tx, this.projection));
    this.checkpoint = checkpoint;
    this.state = 'catching-up';
    const subscription = this.store.subscribeToAll({ fromPosition: checkpoint.position, filter: this.projection.filter });
    this.closeSubscription = () => subscription.close();
    if (this.stopRequested) await subscription.close();
    await consumeInBatches(subscription, {
      batchSize: this.options.batchSize ?? 500,
      flushMs: this.options.flushMs ?? 5,
      onBatch: async (events) => {
        this.checkpoint = await applyBatch(this.sql, this.projection, checkpoint.generation, events);
        this.lastError = undefined;
      },
      onCaughtUp: () => {
        this.state = 'live';
        this.logger.info(
          { projection: this.projection.name, position: positionToString(this.checkpoint!.position) },
          'projection live',
        );
      },
    });
  }

  private get logger(): RunnerLogger {
    return this.options.logger ?? silent;
  }
}
