import { findClosedLocalPort } from '../../../../test/doubles/esdb-streams-double';
import { eventStoreContract } from '../testing';
import { createEsdbEventStore } from './esdb-event-store';

/**
 * The contract against a real EventStoreDB (23.10 or later, for the caught-up signal). jest.config.js
 * runs this file only when EVENTSTORE_TEST_URL is set, e.g. `esdb://localhost:2113?tls=false`; every
 * test writes to its own category, so a shared server is fine.
 */
const url = process.env.EVENTSTORE_TEST_URL;

let closedPort = 0;

eventStoreContract(
  'esdb (live EventStoreDB at EVENTSTORE_TEST_URL)',
  async () => {
    if (!url) throw new Error('EVENTSTORE_TEST_URL is not set; jest.config.js should not have run this file');
    closedPort = await findClosedLocalPort();
    const store = createEsdbEventStore(url);
    await store.ping();
    return { store, teardown: () => store.close() };
  },
  { unreachable: () => createEsdbEventStore(`esdb://127.0.0.1:${closedPort}?tls=false`) },
);
