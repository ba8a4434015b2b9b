/** What one check of a watched item found. */
export type PollVerdict =
  /** Finished: recorded, or nothing more to learn. */
  | 'done'
  /** Ask again after the item's next (doubled) interval. */
  | 'later'
  /** Ask again at once (with another token). */
  | 'now';

export interface PodPollerOptions {
  /** First check after this, then at doubling intervals up to maxIntervalMs. */
  readonly firstIntervalMs: number;
  readonly maxIntervalMs: number;
  /** An item still undecided this long after it was added is dropped. */
  readonly timeoutMs: number;
  /** Items watched at once per pod; adding one more drops the oldest. */
  readonly maxPendingPerPod: number;
  /** Checks of one pod in flight at once. */
  readonly concurrency: number;
}

export interface PodPollerHooks<T> {
  readonly check: (item: T, signal: AbortSignal) => Promise<PollVerdict>;
  /** The item is no longer watched although undecided: the pod's set was full, or its time ran out. */
  readonly dropped: (item: T, why: 'full' | 'deadline') => void;
  /** The check threw: logged by the owner, and asked again later. */
  readonly failed: (item: T, error: unknown) => void;
}

interface Entry<T> {
  readonly item: T;
  readonly deadline: number;
  nextAt: number;
  intervalMs: number;
}

interface PodQueue<T> {
  readonly entries: Map<string, Entry<T>>;
  running: Promise<void> | undefined;
}

/**
 * Background checks of things a pod will settle on its own time (a deletion, a create whose answer
 * was lost), bounded whatever the load:
 * - one loop per pod, running only while that pod has items;
 * - at most `maxPendingPerPod` items per pod (the oldest is dropped first, and said so), at most
 *   `concurrency` requests per pod in flight;
 * - each item asked at doubling intervals (first, 2x, 4x, ... capped) until `timeoutMs`: with the
 *   defaults of deletions (1 s to 15 s, 2 min) that is 11 requests per item instead of 120.
 * In memory: a restart forgets what was watched. Timers are unref'd, so a watch never holds the
 * process (or jest) open, and stop() aborts every sleep and request in flight.
 */
export class PodPoller<T> {
  private readonly pods = new Map<string, PodQueue<T>>();
  private readonly stopper = new AbortController();

  constructor(
    private readonly options: PodPollerOptions,
    private readonly hooks: PodPollerHooks<T>,
  ) {}

  get stopped(): boolean {
    return this.stopper.signal.aborted;
  }

  /** Watches `item` under `key` (a re-add restarts its clock). Ignored once stopped. */
  add(podId: string, key: string, item: T): void {
    if (this.stopped) return;
    let queue = this.pods.get(podId);
    if (!queue) {
      queue = { entries: new Map(), running: undefined };
      this.pods.set(podId, queue);
    }
    queue.entries.delete(key);
    for (const [oldestKey, oldest] of queue.entries) {
      if (queue.entries.size < this.options.maxPendingPerPod) break;
      queue.entries.delete(oldestKey);
      this.hooks.dropped(oldest.item, 'full');
    }
    const now = Date.now();
    const first = this.options.firstIntervalMs;
    queue.entries.set(key, { item, deadline: now + this.options.timeoutMs, nextAt: now + first, intervalMs: first });
    this.kick(podId, queue);
  }

  /** Items watched, of one pod or of all. */
  pending(podId?: string): number {
    if (podId !== undefined) return this.pods.get(podId)?.entries.size ?? 0;
    let total = 0;
    for (const queue of this.pods.values()) total += queue.entries.size;
    return total;
  }

  /** Resolves when no pod has a loop running (everything decided, dropped, or stopped). */
  async settled(): Promise<void> {
    for (;;) {
      const running = [...this.pods.values()].flatMap((queue) => (queue.running ? [queue.running] : []));
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  /** Aborts every sleep and request in flight and forgets what was watched. */
  async stop(): Promise<void> {
    this.stopper.abort();
    await this.settled();
    this.pods.clear();
  }

  private kick(podId: string, queue: PodQueue<T>): void {
    if (queue.running || this.stopped) return;
    queue.running = this.drain(queue).finally(() => {
      queue.running = undefined;
      // An item added while the loop was ending would otherwise wait for the next add.
      if (queue.entries.size > 0) this.kick(podId, queue);
      else if (this.pods.get(podId) === queue) this.pods.delete(podId);
    });
  }

  private async drain(queue: PodQueue<T>): Promise<void> {
    const signal = this.stopper.signal;
    while (queue.entries.size > 0 && !signal.aborted) {
      let earliest = Number.POSITIVE_INFINITY;
      for (const entry of queue.entries.values()) earliest = Math.min(earliest, entry.nextAt);
      if (!(await sleep(Math.max(0, earliest - Date.now()), signal))) return;
      const now = Date.now();
      const due = [...queue.entries].filter(([, entry]) => entry.nextAt <= now);
      await forEachLimited(due, this.options.concurrency, ([key, entry]) => this.run(queue, key, entry));
    }
  }

  private async run(queue: PodQueue<T>, key: string, entry: Entry<T>): Promise<void> {
    if (Date.now() >= entry.deadline) {
      queue.entries.delete(key);
      this.hooks.dropped(entry.item, 'deadline');
      return;
    }
    let verdict: PollVerdict;
    try {
      verdict = await this.hooks.check(entry.item, this.stopper.signal);
    } catch (error) {
      if (!this.stopped) this.hooks.failed(entry.item, error);
      verdict = 'later';
    }
    if (this.stopped || queue.entries.get(key) !== entry) return; // stopping, or re-added meanwhile
    if (verdict === 'done') {
      queue.entries.delete(key);
    } else if (verdict === 'now') {
      entry.nextAt = Date.now();
    } else {
      entry.intervalMs = Math.min(entry.intervalMs * 2, this.options.maxIntervalMs);
      entry.nextAt = Math.min(Date.now() + entry.intervalMs, entry.deadline);
    }
  }
}

async function forEachLimited<I>(items: readonly I[], limit: number, work: (item: I) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** False when aborted. The timer is unref'd: a pending watch never holds the process (or jest) open. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    timer.unref();
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
