import type { SqlClient } from '@podgate/sql';

/**
 * One LISTEN for all of a store's subscriptions (a LISTEN holds a connection of its own), fanned
 * out to each subscription's wake-up. Listening is best effort: subscriptions also poll, so a lost
 * listener costs latency, never events.
 */
export class AppendedListeners {
  private readonly wakes = new Set<() => void>();
  private stop: Promise<(() => Promise<void>) | undefined> | undefined;

  constructor(
    private readonly sql: SqlClient,
    private readonly channel: string,
  ) {}

  async add(wake: () => void): Promise<() => Promise<void>> {
    this.wakes.add(wake);
    this.stop ??= this.sql.listen(this.channel, () => this.wakeAll()).catch(() => undefined);
    await this.stop;
    return async () => {
      this.wakes.delete(wake);
    };
  }

  /** Wakes every subscription of this process at once (appends on an in-process database). */
  wakeAll(): void {
    this.wakes.forEach((wake) => wake());
  }

  async close(): Promise<void> {
    const stop = await this.stop;
    this.stop = undefined;
    await stop?.();
  }
}
