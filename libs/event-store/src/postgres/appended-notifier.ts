import type { SqlClient } from '@podgate/sql';
import type { AppendedListeners } from './appended-listeners';

/** Tells subscribers that appends have committed. `notify` returns at once; `settled` before closing. */
export interface AppendedNotifier {
  notify(): void;
  settled(): Promise<void>;
}

/**
 * Never a NOTIFY inside the append's transaction: PostgreSQL holds a database-wide lock from a
 * notifying transaction's commit through its WAL flush, so every append queued behind every other
 * and group commit never happened (see append-function.sql.ts). Instead:
 * - PGlite lives in this process alone (its data directory is locked to it), so its subscribers are
 *   woken directly, with no SQL at all;
 * - a server gets a NOTIFY of its own after the commit, at most one per `minIntervalMs`, so a burst
 *   of appends costs a few notifying transactions, not one each. Every append is followed by a
 *   NOTIFY sent after its commit, at most `minIntervalMs` later.
 * Best effort, like listening: a lost NOTIFY costs a subscriber one poll interval, never events.
 */
export function createAppendedNotifier(
  sql: SqlClient,
  listeners: AppendedListeners,
  channel: string,
  // As often as live subscriptions read at most (PostgresEventStoreOptions.subscriptionMinReadIntervalMs).
  minIntervalMs = 25,
): AppendedNotifier {
  if (sql.kind === 'pglite') return { notify: () => listeners.wakeAll(), settled: async () => undefined };
  return new ThrottledNotify(() => sql.query("SELECT pg_notify($1, '')", [channel]), minIntervalMs);
}

class ThrottledNotify implements AppendedNotifier {
  private pending = false;
  private sending: Promise<void> | undefined;
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly send: () => Promise<unknown>,
    private readonly minIntervalMs: number,
  ) {}

  notify(): void {
    this.pending = true;
    this.sending ??= this.sendWhilePending();
  }

  async settled(): Promise<void> {
    await this.sending;
  }

  /** `pending` set after a send began is honoured by the next turn of the loop. */
  private async sendWhilePending(): Promise<void> {
    while (this.pending) {
      const wait = this.lastSentAt + this.minIntervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.pending = false;
      this.lastSentAt = Date.now();
      await this.send().catch(() => undefined);
    }
    this.sending = undefined;
  }
}
