import { PgPoolClient } from '@podgate/sql';
import { eventStoreContract } from '../testing';
import { connectPostgresEventStore } from './create-postgres-event-store';
import { PostgresEventStore } from './postgres-event-store';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a PostgreSQL server (npm run test:system starts one)');

eventStoreContract(
  'postgres (PostgreSQL server via pg)',
  async () => {
    const store = await connectPostgresEventStore(url, { subscriptionIdleMs: 50 });
    return { store, teardown: () => store.close() };
  },
  {
    unreachable: () =>
      new PostgresEventStore(
        new PgPoolClient({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectTimeoutMs: 1000 }),
      ),
  },
);
