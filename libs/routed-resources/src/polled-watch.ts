import type { PodPoller } from './pod-poller';

/** What every background watch over the pods shares (DeletionWatch, CreationWatch): its poller's life cycle. */
export abstract class PolledWatch<W> {
  protected abstract readonly poller: PodPoller<W>;

  /** Items being watched, on one pod or on all. */
  pending(podId?: string): number {
    return this.poller.pending(podId);
  }

  /** Resolves when every watch has ended (tests; shutdown). */
  settled(): Promise<void> {
    return this.poller.settled();
  }

  /** Aborts every request in flight and forgets what was watched (Nest calls it on shutdown). */
  onApplicationShutdown(): Promise<void> {
    return this.poller.stop();
  }
}
