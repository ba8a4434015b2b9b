import { connectPostgresEventStore } from '@podgate/event-store';
import { PgPoolClient } from '@podgate/sql';
import { projectionRunnerSuite } from '../testing/projection-runner.suite';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a PostgreSQL server (npm run test:system starts one)');

projectionRunnerSuite('PostgreSQL server', async () => ({
  sql: new PgPoolClient({ connectionString: url }),
  store: await connectPostgresEventStore(url, { subscriptionIdleMs: 20 }),
}));
