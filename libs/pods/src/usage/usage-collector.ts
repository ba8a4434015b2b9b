import {
  type BeforeApplicationShutdown,
  Logger,
  type LoggerService,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { systemContext } from '@podgate/kernel';
import type { SqlExecutor } from '@podgate/sql';
import { ReportPodUsageCommand, type PodUsageReport } from '../commands/report-pod-usage/report-pod-usage.command';
import { listAllPods } from '../queries/pods/list-pods.query';
import type { PodView } from '../queries/pods/pod-view';
import { forEachBounded } from './for-each-bounded';
import { CapacityNotReadError, type PodCapacityReader } from './pod-capacity-reader.port';

export interface UsageCollectorOptions {
  /** Time between the starts of two rounds; 0 turns the collector off. A slow round delays the next, never overlaps it. */
  readonly intervalMs: number;
  /** Pods polled at once. Default 8. */
  readonly concurrency?: number;
  /** Default: Nest's logger (pino in the gateway), context UsageCollector. */
  readonly logger?: Pick<LoggerService, 'log' | 'warn' | 'error'>;
}

/** What the collector needs of the ReportPodUsage handler. */
export interface UsageReportSink {
  execute(command: ReportPodUsageCommand): Promise<PodView>;
}

export type UsageCollectorState = 'idle' | 'off' | 'running' | 'stopped';

export interface RoundResult {
  readonly polled: number;
  readonly unreachable: number;
  /** Pods whose capacity could not be asked (identity down) or whose report failed to record. */
  readonly skipped: number;
}

/**
 * Polls every active pod's capacity and reports it; the usage decider keeps only meaningful
 * changes. Rounds never overlap; one pod failing never stops the others; shutdown waits for the
 * round in flight (each read has its own timeout). Without a reader (noauth: no service
 * credentials) it does not run.
 */
export class UsageCollector implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger: Pick<LoggerService, 'log' | 'warn' | 'error'>;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<RoundResult> | undefined;
  private stopping = false;
  /** Bumped by every start, so a timer of an earlier run never schedules again after a restart. */
  private run = 0;
  state: UsageCollectorState = 'idle';

  constructor(
    private readonly sql: SqlExecutor,
    private readonly sink: UsageReportSink,
    private readonly reader: PodCapacityReader | null,
    private readonly options: UsageCollectorOptions,
    private readonly offReason = 'no service credentials (noauth mode)',
  ) {
    this.logger = options.logger ?? new Logger('UsageCollector');
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  /** Before the runtime closes the stores in its own shutdown hook: the round in flight still needs them. */
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  start(): void {
    if (this.state === 'running' || this.state === 'off') return;
    if (!this.reader || this.options.intervalMs <= 0) {
      this.state = 'off';
      this.logger.log(`usage collector off: ${this.reader ? 'PODGATE_USAGE_POLL_SECONDS is 0' : this.offReason}`);
      return;
    }
    this.stopping = false;
    this.state = 'running';
    this.schedule(++this.run, 0);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.round?.catch(() => undefined);
    if (this.state === 'running') this.state = 'stopped';
  }

  /** One round over every active pod; a round already in flight is joined, not doubled. */
  pollOnce(): Promise<RoundResult> {
    if (!this.reader) return Promise.resolve({ polled: 0, unreachable: 0, skipped: 0 });
    this.round ??= this.runRound(this.reader).finally(() => (this.round = undefined));
    return this.round;
  }

  private schedule(run: number, delayMs: number): void {
    this.timer = setTimeout(async () => {
      const startedAt = Date.now();
      try {
        await this.pollOnce();
      } catch (error) {
        this.logger.error(`usage round failed: ${(error as Error).message}`);
      }
      if (!this.stopping && run === this.run) this.schedule(run, Math.max(0, this.options.intervalMs - (Date.now() - startedAt)));
    }, delayMs);
  }

  private async runRound(reader: PodCapacityReader): Promise<RoundResult> {
    const pods = await listAllPods(this.sql, { status: 'active' });
    const outcome = { polled: 0, unreachable: 0, skipped: 0 };
    await forEachBounded(pods, this.options.concurrency ?? 8, async (pod) => {
      if (this.stopping) return;
      const result = await this.pollPod(reader, pod);
      outcome[result]++;
    });
    return outcome;
  }

  private async pollPod(reader: PodCapacityReader, pod: PodView): Promise<keyof RoundResult> {
    const context = systemContext();
    let report: PodUsageReport;
    try {
      report = { podId: pod.podId, reachable: true, usage: await reader.read(pod, { globalRequestId: context.requestId }) };
    } catch (error) {
      if (error instanceof CapacityNotReadError) {
        this.logger.warn(`capacity of pod ${pod.name} not read: ${error.message}`);
        return 'skipped';
      }
      report = { podId: pod.podId, reachable: false, error: (error as Error).message };
    }
    try {
      const after = await this.sink.execute(new ReportPodUsageCommand(report, context));
      this.logReachability(pod, after);
      return report.reachable ? 'polled' : 'unreachable';
    } catch (error) {
      // e.g. deregistered since the round began, or the event store briefly down
      this.logger.warn(`usage of pod ${pod.name} not recorded: ${(error as Error).message}`);
      return 'skipped';
    }
  }

  private logReachability(before: PodView, after: PodView): void {
    const was = before.usage?.reachable ?? true;
    const is = after.usage?.reachable ?? true;
    if (was && !is) this.logger.warn(`pod ${after.name} is unreachable: ${after.usage?.error ?? 'unknown error'}`);
    if (!was && is) this.logger.log(`pod ${after.name} is reachable again`);
  }
}
