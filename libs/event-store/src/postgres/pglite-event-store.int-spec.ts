import { eventStoreContract } from '../testing';
import { openEmbeddedEventStore } from './create-postgres-event-store';

eventStoreContract('pglite (embedded PostgreSQL, in memory)', async () => {
  const store = await openEmbeddedEventStore(undefined, { subscriptionIdleMs: 50 });
  return { store, teardown: () => store.close() };
});
