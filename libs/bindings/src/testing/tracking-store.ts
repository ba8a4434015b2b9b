import { categoryOf, comparePositions, type EventStore, type GlobalPosition } from '@podgate/event-store';
import type { Projection } from '@podgate/read-model';

export interface TrackingStore extends EventStore {
  /** The position of the last event appended through this store to one of the projection's categories. */
  lastAppendedFor(projection: Projection): GlobalPosition | undefined;
}

/**
 * Remembers where each category's last append landed, so a test can wait for a projection's
 * checkpoint to reach it. (Waiting for "no events behind" is not enough on a PostgreSQL server: an
 * event stays invisible to readers while any older transaction in the cluster is still open.)
 */
export function trackingStore(store: EventStore): TrackingStore {
  const last = new Map<string, GlobalPosition>();
  const tracked = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'lastAppendedFor') {
        return (projection: Projection) =>
          (projection.filter?.categories ?? [...last.keys()])
            .map((category) => last.get(category))
            .reduce<GlobalPosition | undefined>((a, b) => (!a || (b && comparePositions(b, a) > 0) ? b : a), undefined);
      }
      if (property === 'append') {
        return async (...args: Parameters<EventStore['append']>) => {
          const result = await target.append(...args);
          const category = categoryOf(args[0]);
          const previous = last.get(category);
          if (!previous || comparePositions(result.position, previous) > 0) last.set(category, result.position);
          return result;
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
  return tracked as TrackingStore;
}
