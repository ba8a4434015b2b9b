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
import { planPodSync, type PodSyncTask } from '../plan/pod-sync.planner';
import { describeSyncFailure, type SyncFailureDescription } from '../push/pod-push-refused.error';
import type { PodSyncSubject } from './pod-sync-subject';
import { SyncBackoff } from './sync-backoff';

export interface PodSyncReconcilerOptions {
  /** A full round at least this often; 0 turns the reconciler off. */
  readonly intervalMs: number;
  /** How often the subject's and pods' checkpoints are looked at for news (a change, a new pod). Default 1 s. */
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

export type PodSyncReconcilerState = 'idle' | 'off' | 'running' | 'stopped';

/** The backoff key of one resource on one pod. */
const syncKey = (id: string, podId: string): string => `${id}\u0000${podId}`;

/**
 * Keeps every active pod holding every live resource of one subject, and no deleted one: plans with
 * planPodSync over the subject's read model and rm_pods, re-checks each task on the resource's
 * stream (the truth, and another replica may have done it), carries it out with podgate's service
 * token, and records the sync or its failure (so the audit shows it). Runs when the subject's or
 * pods' read model moves (a change, a pod registered later), when a retry is due, and every
 * `intervalMs`. Rounds never overlap; stop() aborts calls in flight and waits for the round, before
 * the stores close. `subject` null (no service credentials): off.
 */
export class PodSyncReconciler<TState, TDone = void>
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  private readonly backoff: SyncBackoff;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private round: Promise<SyncRoundResult> | undefined;
  private abort = new AbortController();
  private stopping = false;
  private marks: string | undefined;
  private nextFullRoundAt = 0;
  state: PodSyncReconcilerState = 'idle';

  constructor(
    private readonly sql: SqlExecutor,
    private readonly names: Pick<PodSyncSubject<TState, TDone>, 'noun' | 'intervalSetting'>,
    private readonly subject: PodSyncSubject<TState, TDone> | null,
    private readonly options: PodSyncReconcilerOptions,
    private readonly offReason = 'no service credentials (noauth mode)',
  ) {
    this.logger = options.logger ?? new Logger(`PodSyncReconciler(${names.noun})`);
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
    if (!this.subject || this.options.intervalMs <= 0) {
      this.state = 'off';
      const why = this.subject ? `${this.names.intervalSetting} is 0` : this.offReason;
      this.logger.log(`${this.names.noun} sync to pods off: ${why}`);
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
    const subject = this.subject;
    if (!subject || this.stopping) return Promise.resolve({ synced: 0, failed: 0, deferred: 0 });
    this.round ??= this.runRound(subject).finally(() => (this.round = undefined));
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
      this.logger.error(`${this.names.noun} sync round failed: ${(error as Error).message}`);
    }
    this.schedule(this.options.watchMs ?? 1000);
  }

  /** Where the two read models stand: any event they applied (a change, a pod registered) moves it. */
  private async readMarks(): Promise<string> {
    const [subject, pods] = await Promise.all([
      this.subject ? findCheckpoint(this.sql, this.subject.projection) : undefined,
      findCheckpoint(this.sql, podsProjection),
    ]);
    return `${subject?.position.commit ?? '-'}/${pods?.position.commit ?? '-'}`;
  }

  private async runRound(subject: PodSyncSubject<TState, TDone>): Promise<SyncRoundResult> {
    const pods = await listAllPods(this.sql, { status: 'active' });
    const tasks = planPodSync(
      await subject.listStatuses(),
      pods.map((pod) => pod.podId),
    );
    this.backoff.retainOnly(new Set(tasks.map((task) => syncKey(task.id, task.podId))));
    const result = { synced: 0, failed: 0, deferred: 0 };
    const queues = pods.map((pod) => ({ pod, tasks: tasks.filter((task) => task.podId === pod.podId) }));
    let next = 0;
    const worker = async () => {
      while (next < queues.length) {
        const { pod, tasks: podTasks } = queues[next++];
        for (const task of podTasks) {
          const outcome = await this.runTask(subject, pod, task);
          if (outcome) result[outcome]++;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.options.concurrency ?? 4, queues.length)) }, worker));
    if (result.synced + result.failed > 0) {
      this.logger.log(`${this.names.noun} sync: ${result.synced} done, ${result.failed} failed, ${result.deferred} waiting`);
    }
    return result;
  }

  /** null: nothing left to do (the read model lagged behind a record, or another replica did it). */
  private async runTask(
    subject: PodSyncSubject<TState, TDone>,
    pod: PodView,
    planned: PodSyncTask,
  ): Promise<keyof SyncRoundResult | null> {
    const key = syncKey(planned.id, pod.podId);
    if (this.stopping || !this.backoff.isDue(key, Date.now())) return 'deferred';
    const context = systemContext();
    try {
      return await this.syncTask(subject, pod, key, planned.id, context);
    } catch (error) {
      // the event store, not the pod: nothing to record; the next round tries again
      const noun = this.names.noun;
      this.logger.warn(`${noun} ${planned.id} sync to pod ${pod.name} not recorded: ${(error as Error).message}`);
      return 'deferred';
    }
  }

  private async syncTask(
    subject: PodSyncSubject<TState, TDone>,
    pod: PodView,
    key: string,
    id: string,
    context: RequestContext,
  ): Promise<keyof SyncRoundResult | null> {
    const state = await subject.load(id);
    const status = subject.statusOf(state);
    const [task] = planPodSync(status ? [status] : [], [pod.podId]);
    if (!task) {
      this.backoff.succeeded(key);
      return null;
    }
    let done: TDone;
    try {
      done = await subject.carryOut(pod, task, state, context.requestId, this.abort.signal);
    } catch (error) {
      if (this.stopping) return 'deferred';
      return this.recordFailure(subject, key, pod, task, describeSyncFailure(error), context);
    }
    await subject.recordSynced(task, done, context);
    this.backoff.succeeded(key);
    return 'synced';
  }

  private async recordFailure(
    subject: PodSyncSubject<TState, TDone>,
    key: string,
    pod: PodView,
    task: PodSyncTask,
    failure: SyncFailureDescription,
    context: RequestContext,
  ): Promise<'failed'> {
    const news = this.backoff.failed(key, { generation: task.generation, ...failure }, Date.now());
    this.logger.warn(`${this.names.noun} ${task.id} not synced to pod ${pod.name} (${task.kind}): ${failure.message}`);
    if (news) await subject.recordFailure(task, failure, context);
    return 'failed';
  }
}
