import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type PodView, listAllPods } from '@podgate/pods';
import type { SqlExecutor } from '@podgate/sql';
import { type ApiVersion, type ApiVersionRange, compareApiVersions, formatApiVersion, supportedRange } from '../microversion';
import type { ServiceApi } from '../service-api';
import type { PodVersionReader } from './pod-version-reader';

export interface PodApiVersionsOptions {
  /** How often the set of active pods is compared with the known one (cheap: one small query). */
  readonly pollMs: number;
  /** How often every pod's version document is read again (a pod may be upgraded). */
  readonly refreshMs: number;
  /** The longest wait before retrying a pod whose document could not be read. */
  readonly maxRetryMs: number;
}

interface PodEntry {
  /** Last known maximum; kept while the pod is unreachable. */
  max?: ApiVersion;
  readAt: number;
  failures: number;
  nextAttemptAt: number;
  /** The read under way: a pod is read by one at a time, independently of the others. */
  reading?: Promise<void>;
}

/**
 * The supported range of one API (one instance per ServiceApi: compute's is provided by
 * ComputeModule as `PodApiVersions`, volume's by VolumeVersionsModule as VOLUME_API_VERSIONS):
 * podgate's implemented maximum capped by every active pod's own maximum, read from the pods'
 * version documents for that API. The request path only reads `range` (a field);
 * all the work is in the background: each poll lists the active pods, reads the documents of new
 * pods at once (a registered pod counts within one poll), retries unreadable ones with backoff, and
 * re-reads all of them every `refreshMs`. Each pod is read on its own and counts as soon as it
 * answers: a pod that hangs until the reader's timeout delays no other, nor the next poll. A pod
 * never read yet does not narrow the range; an unreachable one keeps its last known maximum.
 */
export class PodApiVersions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private readonly pods = new Map<string, PodEntry>();
  private current: ApiVersionRange;
  private timer?: NodeJS.Timeout;
  private chain: Promise<void> = Promise.resolve();
  private polling = false;

  /** `reader` must read `api`'s documents (a PodVersionReader built for the same api). */
  constructor(
    readonly api: ServiceApi,
    private readonly sql: SqlExecutor,
    private readonly reader: PodVersionReader,
    private readonly options: PodApiVersionsOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.logger = new Logger(`PodApiVersions(${api.serviceType})`);
    this.current = supportedRange(api, []);
  }

  get range(): ApiVersionRange {
    return this.current;
  }

  /** The first pass is awaited (bounded by the reader's timeout) so the first requests see the pods. */
  async onApplicationBootstrap(): Promise<void> {
    await this.refresh().catch((error: unknown) =>
      this.logger.error(`${this.api.serviceType} range refresh failed: ${(error as Error).message}`),
    );
    this.start();
  }

  onApplicationShutdown(): void {
    this.stop();
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * One pass now, after any listing under way (so a pod registered before the call is seen),
   * settled once every active pod's read under way has (start-up and tests wait for it; polls do not).
   */
  async refresh(): Promise<void> {
    await Promise.all(await this.list());
  }

  private poll(): void {
    if (this.polling) return;
    this.polling = true;
    this.list()
      .catch((error: unknown) => this.logger.error(`${this.api.serviceType} range refresh failed: ${(error as Error).message}`))
      .finally(() => (this.polling = false));
  }

  /** Lists the active pods and starts the reads that are due; resolves to every read under way. */
  private list(): Promise<Promise<void>[]> {
    const listed = this.chain.then(() => this.pass());
    // A failed pass must not stop the ones after it.
    this.chain = listed.then(
      () => undefined,
      () => undefined,
    );
    return listed;
  }

  private async pass(): Promise<Promise<void>[]> {
    let active: PodView[];
    try {
      active = await listAllPods(this.sql, { status: 'active' });
    } catch (error) {
      this.logger.warn(
        `cannot list pods, the ${this.api.serviceType} range stays ${this.describe()}: ${(error as Error).message}`,
      );
      return [];
    }
    const ids = new Set(active.map((pod) => pod.podId));
    for (const id of this.pods.keys()) if (!ids.has(id)) this.pods.delete(id);
    this.recompute();
    const now = this.now();
    const reads: Promise<void>[] = [];
    for (const pod of active) {
      const entry = this.pods.get(pod.podId) ?? { readAt: 0, failures: 0, nextAttemptAt: 0 };
      this.pods.set(pod.podId, entry);
      if (!entry.reading && this.isDue(entry, now)) {
        entry.reading = this.read(pod, entry, now).finally(() => {
          entry.reading = undefined;
          this.recompute();
        });
      }
      if (entry.reading) reads.push(entry.reading);
    }
    return reads;
  }

  private isDue(entry: PodEntry, now: number): boolean {
    if (!entry.max && entry.failures === 0) return true; // never read
    return entry.max ? now - entry.readAt >= this.options.refreshMs : now >= entry.nextAttemptAt;
  }

  /** Never rejects: a failure is counted on the entry. */
  private async read(pod: PodView, entry: PodEntry, now: number): Promise<void> {
    try {
      entry.max = await this.reader.maxVersion(pod);
      entry.readAt = now;
      entry.failures = 0;
    } catch (error) {
      entry.failures += 1;
      entry.nextAttemptAt = now + Math.min(this.options.maxRetryMs, 1000 * 2 ** (entry.failures - 1));
      // With a known maximum the pod is simply re-read later; keep what it said.
      if (entry.max) entry.readAt = now;
      if (entry.failures === 1) {
        const kept = entry.max ? `keeping ${formatApiVersion(entry.max)}` : 'not counted until it answers';
        this.logger.warn(
          `pod ${pod.name}: cannot read its ${this.api.serviceType} version document (${kept}): ${(error as Error).message}`,
        );
      }
    }
  }

  private recompute(): void {
    const maxima = [...this.pods.values()].flatMap((entry) => (entry.max ? [entry.max] : []));
    const next = supportedRange(this.api, maxima);
    if (compareApiVersions(next.max, this.current.max) !== 0) {
      this.logger.log(`${this.api.serviceType} microversions now ${formatApiVersion(next.min)} - ${formatApiVersion(next.max)}`);
    }
    this.current = next;
  }

  private describe(): string {
    return `${formatApiVersion(this.current.min)} - ${formatApiVersion(this.current.max)}`;
  }
}
