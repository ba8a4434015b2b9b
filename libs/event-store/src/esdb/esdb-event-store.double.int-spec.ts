import { eventStoreContract } from '../testing';
import { findClosedLocalPort, startEsdbStreamsDouble } from '../../../../test/doubles/esdb-streams-double';
import { createEsdbEventStore } from './esdb-event-store';

// Set by the contract's setup, which runs before the unreachable check asks for it.
let closedPort = 0;

eventStoreContract(
  'esdb (gRPC double of EventStoreDB Streams)',
  async () => {
    const double = await startEsdbStreamsDouble();
    closedPort = await findClosedLocalPort();
    const store = createEsdbEventStore(double.connectionString);
    return {
      store,
      teardown: async () => {
        await store.close();
        await double.stop();
      },
    };
  },
  { unreachable: () => createEsdbEventStore(`esdb://127.0.0.1:${closedPort}?tls=false`) },
);
