import {
  type BeforeApplicationShutdown,
  Logger,
  type LoggerService,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type RequestContext, systemContext } from '@podgate/kernel';
import { listAllPods, type PodView, podsProjection } from '@podgate/pods';
import { findCheckpoint } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';
import type { FlavorWriter } from '../commands/flavor-writer';
import { flavorSyncStatusOf, planFlavorSync, type SyncTask } from '../domain/flavor-sync.planner';
import { flavorsProjection } from '../projections/flavors/flavors.projection';
import { listFlavorSyncStatuses } from '../queries/flavors/flavor-sync.query';
import type { FlavorPodPusher } from './flavor-pod-pusher';
import { describeSyncFailure } from './sync-failure';
import { SyncBackoff } from './sync-backoff';

export interface FlavorReconcilerOptions {
  /** A full round at least this often; 0 turns the reconciler off (PODGATE_FLAVOR_SYNC_SECONDS). */
  readonly intervalMs: number;
  /** How often the flavors' and pods' checkpoints are looked at for news (a change, a new pod). Default 1 s. */
  readonly watchMs?: number;
  /** First retry of a failed push after this, doubling up to retryMaxMs. Defaults 2 s and 5 min. */
  readonly retryBaseMs?: number;
  readonly retryMaxMs?: number;
  /** Pods worked on at once (each pod's tasks run one after another). Default 4. */
  readonly concurrency?: number;
  readonly logger?: Pick<LoggerService, 'log' | 'warn' | 'error'>;
}

export interface SyncRoundResult {
  readonly synced: number;
  readonly failed: number;
  /** Waiting for their retry, or left because the reconciler is stopping. */
  readonly deferred: number;
}

/** The backoff key of one flavor on one pod. */
const syncKey = (flavorId: string, podId: string): string => `${flavorId}\u0000${podId}`;

export type FlavorReconcilerState = 'idle' | 'off' | 'running' | 'stopped';

/**
 * Keeps every active pod holding every live flavor, and no deleted one: plans with planFlavorSync
 * over rm_flavors and rm_pods, re-checks each task on the flavor's stream (the truth, and another
 * replica may have done it), pushes with podgate's service token, and records FlavorSyncedToPod /
 * FlavorSyncFailed (so the audit shows it). Runs when the flavors' or pods' read model moves (a
 * change, a pod registered later), when a retry is due, and every `intervalMs`. Rounds never
 * overlap; stop() aborts calls in flight and waits for the round, before the stores close.
 */
export class FlavorReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  private readonly backoff: SyncBackoff;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private round: Promise<SyncRoundResult> | undefined;
  private abort = new AbortController();
  private stopping = false;
  private marks: string | undefined;
  private nextFullRoundAt = 0;
  state: FlavorReconcilerState = 'idle';

  constructor(
    private readonly sql: SqlExecutor,
    private readonly writer: FlavorWriter,
    private readonly pusher: FlavorPodPusher | null,
    private readonly options: FlavorReconcilerOptions,
    private readonly offReason = 'no service credentials (noauth mode)',
  ) {
    this.logger = options.logger ?? new Logger('FlavorReconciler');
    this.backoff = new SyncBackoff({ baseMs: options.retryBaseMs ?? 2000, maxMs: options.retryMaxMs ?? 300_000 });
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  start(): void {
    if (this.state === 'running' || this.state === 'off') return;
    if (!this.pusher || this.options.intervalMs <= 0) {
      this.state = 'off';
      this.logger.log(`flavor sync to pods off: ${this.pusher ? 'PODGATE_FLAVOR_SYNC_SECONDS is 0' : this.offReason}`);
      return;
    }
    this.stopping = false;
    this.abort = new AbortController();
    this.state = 'running';
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort.abort();
    await this.ticking;
    await this.round?.catch(() => undefined);
    if (this.state === 'running') this.state = 'stopped';
  }

  /** Failed pushes waiting for their retry (a task that left the plan is forgotten at the next round). */
  get retriesWaiting(): number {
    return this.backoff.size;
  }

  /** One round now; a round in flight is joined, not doubled. */
  syncOnce(): Promise<SyncRoundResult> {
    const pusher = this.pusher;
    if (!pusher || this.stopping) return Promise.resolve({ synced: 0, failed: 0, deferred: 0 });
    this.round ??= this.runRound(pusher).finally(() => (this.round = undefined));
    return this.round;
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => (this.ticking = undefined));
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const now = Date.now();
      const marks = await this.readMarks();
      const retryDue = (this.backoff.nextDueAt() ?? Number.POSITIVE_INFINITY) <= now;
      if (!this.stopping && (marks !== this.marks || now >= this.nextFullRoundAt || retryDue)) {
        this.marks = marks;
        this.nextFullRoundAt = now + this.options.intervalMs;
        await this.syncOnce();
      }
    } catch (error) {
      this.logger.error(`flavor sync round failed: ${(error as Error).message}`);
    }
    this.schedule(this.options.watchMs ?? 1000);
  }

  /** Where the two read models stand: any event they applied (a flavor change, a pod registered) moves it. */
  private async readMarks(): Promise<string> {
    const [flavors, pods] = await Promise.all([
      findCheckpoint(this.sql, flavorsProjection),
      findCheckpoint(this.sql, podsProjection),
    ]);
    return `${flavors?.position.commit ?? '-'}/${pods?.position.commit ?? '-'}`;
  }

  private async runRound(pusher: FlavorPodPusher): Promise<SyncRoundResult> {
    const pods = await listAllPods(this.sql, { status: 'active' });
    const tasks = planFlavorSync(
      await listFlavorSyncStatuses(this.sql),
      pods.map((pod) => pod.podId),
    );
    this.backoff.retainOnly(new Set(tasks.map((task) => syncKey(task.flavorId, task.podId))));
    const result = { synced: 0, failed: 0, deferred: 0 };
    const queues = pods.map((pod) => ({ pod, tasks: tasks.filter((task) => task.podId === pod.podId) }));
    let next = 0;
    const worker = async () => {
      while (next < queues.length) {
        const { pod, tasks: podTasks } = queues[next++];
        for (const task of podTasks) {
          const outcome = await this.runTask(pusher, pod, task);
          if (outcome) result[outcome]++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.options.concurrency ?? 4, queues.length)) }, worker));
    if (result.synced + result.failed > 0) {
      this.logger.log(`flavor sync: ${result.synced} done, ${result.failed} failed, ${result.deferred} waiting`);
    }
    return result;
  }

  /** null: nothing left to do (the read model lagged behind a record, or another replica did it). */
  private async runTask(pusher: FlavorPodPusher, pod: PodView, planned: SyncTask): Promise<keyof SyncRoundResult | null> {
    const key = syncKey(planned.flavorId, pod.podId);
    if (this.stopping || !this.backoff.isDue(key, Date.now())) return 'deferred';
    const context = systemContext();
    try {
      return await this.syncTask(pusher, pod, key, planned.flavorId, context);
    } catch (error) {
      // the event store, not the pod: nothing to record; the next round tries again
      this.logger.warn(`flavor ${planned.flavorId} sync to pod ${pod.name} not recorded: ${(error as Error).message}`);
      return 'deferred';
    }
  }

  private async syncTask(
    pusher: FlavorPodPusher,
    pod: PodView,
    key: string,
    flavorId: string,
    context: RequestContext,
  ): Promise<keyof SyncRoundResult | null> {
    const state = await this.writer.load(flavorId);
    const status = flavorSyncStatusOf(state);
    const [task] = planFlavorSync(status ? [status] : [], [pod.podId]);
    if (!task) {
      this.backoff.succeeded(key);
      return null;
    }
    try {
      if (task.kind === 'push' && state.status === 'defined') {
        await pusher.push(pod, state.flavor, context.requestId, this.abort.signal);
      } else {
        await pusher.remove(pod, task.flavorId, context.requestId, this.abort.signal);
      }
    } catch (error) {
      if (this.stopping) return 'deferred';
      return this.recordFailure(key, pod, task, describeSyncFailure(error), context);
    }
    const { podId, generation } = task;
    await this.writer.decide({ type: 'RecordFlavorSync', flavorId, podId, generation }, context, { awaitReadModel: false });
    this.backoff.succeeded(key);
    return 'synced';
  }

  private async recordFailure(
    key: string,
    pod: PodView,
    task: SyncTask,
    failure: { readonly status?: number; readonly message: string },
    context: RequestContext,
  ): Promise<'failed'> {
    const { flavorId, podId, generation } = task;
    const news = this.backoff.failed(key, { generation, ...failure }, Date.now());
    this.logger.warn(`flavor ${flavorId} not synced to pod ${pod.name} (${task.kind}): ${failure.message}`);
    if (news) {
      await this.writer.decide({ type: 'RecordFlavorSyncFailure', flavorId, podId, generation, ...failure }, context, {
        awaitReadModel: false,
      });
    }
    return 'failed';
  }
}
