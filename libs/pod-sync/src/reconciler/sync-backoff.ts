export interface SyncBackoffOptions {
  /** Wait after the first failure; doubles per further failure. */
  readonly baseMs: number;
  readonly maxMs: number;
}

export interface SyncFailure {
  readonly generation: number;
  readonly status?: number;
  readonly message: string;
}

interface Entry {
  readonly failures: number;
  readonly dueAt: number;
  readonly recorded: SyncFailure | undefined;
}

/**
 * Per resource (flavor, volume type) and pod: when the next attempt is due after failures (exponential, capped), and
 * whether a failure is news for the log. The same failure of the same generation is recorded once,
 * not at every retry: a pod down for a day must not fill the audit. In memory: a restart retries
 * at once and records the failure once more, which is harmless.
 */
export class SyncBackoff {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: SyncBackoffOptions) {}

  isDue(key: string, now: number): boolean {
    const entry = this.entries.get(key);
    return !entry || entry.dueAt <= now;
  }

  /** Notes a failure; true when it should be recorded (first, or different from the last recorded). */
  failed(key: string, failure: SyncFailure, now: number): boolean {
    const entry = this.entries.get(key);
    const failures = (entry?.failures ?? 0) + 1;
    const delay = Math.min(this.options.baseMs * 2 ** Math.min(failures - 1, 30), this.options.maxMs);
    const last = entry?.recorded;
    const news =
      !last || last.generation !== failure.generation || last.status !== failure.status || last.message !== failure.message;
    this.entries.set(key, { failures, dueAt: now + delay, recorded: news ? failure : last });
    return news;
  }

  succeeded(key: string): void {
    this.entries.delete(key);
  }

  /**
   * Forgets every entry whose key is not in `planned`: a task that left the plan some other way
   * (another replica synced it, its pod was deregistered, its resource deleted) has no retry to wait
   * for, and its past due entry would otherwise make every tick look like a retry is due.
   */
  retainOnly(planned: ReadonlySet<string>): void {
    for (const key of this.entries.keys()) if (!planned.has(key)) this.entries.delete(key);
  }

  /** Retries waiting (due or not). */
  get size(): number {
    return this.entries.size;
  }

  /** The earliest instant a waiting retry is due; undefined when none waits. */
  nextDueAt(): number | undefined {
    let earliest: number | undefined;
    for (const { dueAt } of this.entries.values()) earliest = earliest === undefined ? dueAt : Math.min(earliest, dueAt);
    return earliest;
  }
}
