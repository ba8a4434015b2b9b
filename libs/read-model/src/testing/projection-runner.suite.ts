import { type EventStore, type RecordedEvent, streamName } from '@podgate/event-store';
import { testEvents, uniqueCategory } from '@podgate/event-store/testing';
import type { SqlClient, SqlExecutor } from '@podgate/sql';
import type { Projection } from '../projections/projection';
import { ProjectionRunner } from '../projections/projection-runner';
import { rebuildProjection } from '../projections/rebuild-projection';
import { migrateReadModel } from '../read-model.migrations';

/** A projection that counts events per stream, and can be told to fail. */
function countingProjection(category: string, version = 1): Projection & { failNext: number; batches: number[] } {
  const projection = {
    name: `counts_${category}`,
    version,
    filter: { categories: [category] },
    tables: [`rm_counts_${category}`],
    migrations: [
      {
        version: 1,
        name: 'counts',
        sql: `CREATE TABLE rm_counts_${category} (stream text PRIMARY KEY, n integer NOT NULL, last_revision bigint NOT NULL)`,
      },
    ],
    failNext: 0,
    batches: [] as number[],
    async apply(tx: SqlExecutor, events: readonly RecordedEvent[]) {
      if (projection.failNext > 0) {
        projection.failNext--;
        throw new Error('projection failure injected by the test');
      }
      projection.batches.push(events.length);
      for (const e of events) {
        await tx.query(
          `INSERT INTO rm_counts_${category} (stream, n, last_revision) VALUES ($1, 1, $2)
             ON CONFLICT (stream) DO UPDATE SET n = rm_counts_${category}.n + 1, last_revision = $2`,
          [e.stream, e.revision.toString()],
        );
      }
    },
  };
  return projection;
}

/** The runner's behaviour, run on PGlite in `npm test` and on a PostgreSQL server in `test:system`. */
export function projectionRunnerSuite(label: string, open: () => Promise<{ sql: SqlClient; store: EventStore }>): void {
  describe(`ProjectionRunner [${label}]`, () => {
    let sql: SqlClient;
    let store: EventStore;
    let category: string;

    beforeAll(async () => {
      ({ sql, store } = await open());
    });
    afterAll(async () => {
      await store.close();
      await sql.close();
    });
    beforeEach(() => (category = uniqueCategory('runner')));

    const counts = async (projection: Projection) =>
      (await sql.query<{ stream: string; n: number }>(`SELECT stream, n FROM ${projection.tables[0]} ORDER BY stream`)).rows;

    async function started(projection: Projection, options = {}) {
      await migrateReadModel(sql, [projection]);
      const runner = new ProjectionRunner(store, sql, projection, { flushMs: 2, retryMs: 20, ...options });
      runner.start();
      return runner;
    }

    it('applies history and live events, each exactly once, and reports zero lag when done', async () => {
      const projection = countingProjection(category);
      await store.append(streamName(category, 'a'), testEvents(30), 'no_stream');
      const runner = await started(projection, { batchSize: 7 });
      const live = await store.append(streamName(category, 'b'), testEvents(5), 'no_stream');
      expect(await runner.waitFor(live.position, 5000)).toBe(true);
      expect(await counts(projection)).toEqual([
        { stream: streamName(category, 'a'), n: 30 },
        { stream: streamName(category, 'b'), n: 5 },
      ]);
      expect(Math.max(...projection.batches)).toBeLessThanOrEqual(7);
      expect(await runner.lag()).toMatchObject({ eventsBehind: 0, secondsBehind: 0, eventsApplied: 35, state: 'live' });
      await runner.stop();
    });

    it('resumes from its checkpoint after a restart without re-applying', async () => {
      const projection = countingProjection(category);
      await store.append(streamName(category, 'a'), testEvents(10), 'no_stream');
      const first = await started(projection);
      expect(await first.waitFor((await store.readAll({ filter: projection.filter })).at(-1)!.position, 5000)).toBe(true);
      await first.stop();

      const more = await store.append(streamName(category, 'a'), testEvents(4), 9n);
      const second = await started(projection);
      expect(await second.waitFor(more.position, 5000)).toBe(true);
      expect(await counts(projection)).toEqual([{ stream: streamName(category, 'a'), n: 14 }]);
      await second.stop();
    });

    it('rolls back a failed batch with its checkpoint and retries until it succeeds', async () => {
      const projection = countingProjection(category);
      projection.failNext = 2;
      const appended = await store.append(streamName(category, 'a'), testEvents(6), 'no_stream');
      const runner = await started(projection);
      expect(await runner.waitFor(appended.position, 5000)).toBe(true);
      expect(await counts(projection)).toEqual([{ stream: streamName(category, 'a'), n: 6 }]);
      await runner.stop();
    });

    it('reports events behind while it is not running', async () => {
      const projection = countingProjection(category);
      await migrateReadModel(sql, [projection]);
      const runner = new ProjectionRunner(store, sql, projection);
      await store.append(streamName(category, 'a'), testEvents(3), 'no_stream');
      expect(await runner.lag()).toMatchObject({ eventsBehind: 3, eventsApplied: 0 });
      expect((await runner.lag()).secondsBehind).toBeGreaterThanOrEqual(0);
    });

    it('rebuilds from scratch while a runner is live, and the runner follows the new generation', async () => {
      const projection = countingProjection(category);
      await store.append(streamName(category, 'a'), testEvents(20), 'no_stream');
      const runner = await started(projection);
      await runner.waitFor((await store.readAll({ filter: projection.filter })).at(-1)!.position, 5000);
      await sql.query(`UPDATE ${projection.tables[0]} SET n = 999`); // damage the read model

      const progress: number[] = [];
      const result = await rebuildProjection(store, sql, projection, {
        batchSize: 6,
        onProgress: (p) => progress.push(p.applied),
      });
      expect(result).toMatchObject({ applied: 20, total: 20 });
      expect(progress).toEqual([0, 6, 12, 18, 20]);

      const live = await store.append(streamName(category, 'a'), testEvents(2), 19n);
      expect(await runner.waitFor(live.position, 5000)).toBe(true);
      expect(await counts(projection)).toEqual([{ stream: streamName(category, 'a'), n: 22 }]);
      await runner.stop();
    });

    it('starts a new projection version from the beginning with empty tables', async () => {
      const v1 = countingProjection(category, 1);
      const appended = await store.append(streamName(category, 'a'), testEvents(4), 'no_stream');
      const runner1 = await started(v1);
      await runner1.waitFor(appended.position, 5000);
      await runner1.stop();

      const v2 = countingProjection(category, 2);
      const runner2 = await started(v2);
      expect(await runner2.waitFor(appended.position, 5000)).toBe(true);
      expect(await counts(v2)).toEqual([{ stream: streamName(category, 'a'), n: 4 }]);
      await runner2.stop();
    });
  });
}
