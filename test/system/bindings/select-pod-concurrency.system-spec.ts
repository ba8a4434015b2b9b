import { openPostgresEventStore } from '@podgate/event-store';
import { PgPoolClient } from '@podgate/sql';
import { openBindingsTestBed } from '../../../libs/bindings/src/testing/bindings-test-bed';
import { selectPodRaceSuite } from '../../../libs/bindings/src/testing/select-pod-race.suite';
import { createScratchDatabase, type ScratchDatabase } from '../testing/scratch-database';

let database: ScratchDatabase | undefined;

/** The race on a real server, over a pool of 20 connections, so appends really do run in parallel transactions. */
selectPodRaceSuite(
  'PostgreSQL server',
  'postgres',
  async () => {
    database = await createScratchDatabase('select_pod');
    const sql = new PgPoolClient({ connectionString: database.url, max: 20 });
    return openBindingsTestBed(async () => ({ sql, store: await openPostgresEventStore(sql, { subscriptionIdleMs: 20 }) }));
  },
  async (bed) => {
    await bed?.close();
    await database?.drop();
  },
);
