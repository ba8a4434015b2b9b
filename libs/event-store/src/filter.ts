import type { EventFilter } from './event-store.port';
import { categoryOf } from './stream-name';

/** The in-process form of an EventFilter, for adapters that cannot filter on the server. */
export function matchesFilter(filter: EventFilter | undefined, stream: string, type: string): boolean {
  if (!filter) return true;
  if (filter.categories?.length && !filter.categories.includes(categoryOf(stream))) return false;
  if (filter.eventTypes?.length && !filter.eventTypes.includes(type)) return false;
  return true;
}
