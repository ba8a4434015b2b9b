import { openEmbeddedEventStore } from '@podgate/event-store';
import { PGliteClient } from '@podgate/sql';
import { projectionRunnerSuite } from '../testing/projection-runner.suite';

projectionRunnerSuite('PGlite, in memory', async () => ({
  sql: await PGliteClient.open(),
  store: await openEmbeddedEventStore(undefined, { subscriptionIdleMs: 20 }),
}));
