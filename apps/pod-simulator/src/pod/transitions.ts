// Delayed state changes (BUILD -> ACTIVE, creating -> available, ...) without timers: each one is
// due at a clock time and applied lazily when the pod is next asked anything. Nothing is left
// running when a pod stops, and tests can move a manual clock instead of sleeping.

export type ApplyTransition = (dueAt: number) => void;

interface Pending {
  dueAt: number;
  order: number;
  apply: ApplyTransition;
}

export class Transitions {
  private readonly pending = new Map<string, Pending>();
  private counter = 0;

  /** At most one pending change per key (one task at a time, like Nova's task_state). */
  schedule(key: string, dueAt: number, apply: ApplyTransition): void {
    this.pending.set(key, { dueAt, order: this.counter++, apply });
  }

  cancel(key: string): void {
    this.pending.delete(key);
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  clear(): void {
    this.pending.clear();
  }

  /** Applies every change due by `now`, earliest first; a change may schedule the next one. */
  settle(now: number): void {
    for (;;) {
      let nextKey: string | undefined;
      let next: Pending | undefined;
      for (const [key, item] of this.pending) {
        if (item.dueAt > now) continue;
        if (!next || item.dueAt < next.dueAt || (item.dueAt === next.dueAt && item.order < next.order)) {
          next = item;
          nextKey = key;
        }
      }
      if (!next || nextKey === undefined) return;
      this.pending.delete(nextKey);
      next.apply(next.dueAt);
    }
  }
}
