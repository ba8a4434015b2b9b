import type { EventStore } from '../event-store.port';

/**
 * The store, except that each append, once committed, closes `database`: for testing what a
 * writer answers when the read model dies right after its change was recorded.
 */
export function closingAfterAppend(store: EventStore, database: { close(): Promise<void> }): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<EventStore['append']>) => {
        const result = await target.append(...args);
        await database.close();
        return result;
      };
    },
  });
}
