import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { migrateReadModel } from '@podgate/read-model';
import type { SqlClient, SqlExecutor } from '@podgate/sql';
import { auditLogProjection } from '../projections/audit-log/audit-log.projection';
import { countAudit, latestAuditPosition } from '../queries/audit/audit.queries';
import { streamAudit } from '../queries/audit/stream-audit';

/**
 * Audited events written by SQL (the projection's own insert is tested elsewhere): seven share each
 * commit position so pages must break ties on prepare; ten tenants, three pods; about 2 kB each in
 * memory, so an export that kept what it read would show in the heap.
 */
const seed = (events: number) => `
INSERT INTO rm_audit (commit_position, prepare_position, event_id, stream, resource_type, resource_id, revision, type,
  outcome, pod_id, project_id, actor_user_id, actor_project_id, actor_roles, request_id, global_request_id,
  correlation_id, occurred_at, recorded_at, data)
SELECT n / 7, n, gen_random_uuid(), 'server-' || (n % 1000), 'server', (n % 1000)::text, n / 1000, 'ServerActionRequested',
  'requested', 'pod-' || (n % 3), 'tenant-' || (n % 10), 'alice', 'tenant-' || (n % 10), ARRAY['member'], 'req-' || n,
  NULL, 'c-' || n, timestamptz '2026-01-01' + n * interval '1 second', timestamptz '2026-01-01' + n * interval '1 second',
  jsonb_build_object('n', n, 'note', repeat('x', 2000))
FROM generate_series(1, ${events}) AS n`;

/** Counts the statements a consumer causes, on the real database. */
function counting(sql: SqlExecutor): SqlExecutor & { queries: number } {
  const counted: SqlExecutor & { queries: number } = {
    queries: 0,
    query: (text, params) => {
      counted.queries++;
      return sql.query(text, params);
    },
  };
  return counted;
}

/** The collector, for measuring what stays reachable rather than what has not been collected yet. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * The export's paging, run on PGlite in `npm test` (10,000 events: seeding is slow there) and on a
 * PostgreSQL server in `test:system` (100,000).
 */
export function streamAuditSuite(
  label: string,
  events: number,
  open: () => Promise<SqlClient>,
  close: (sql: SqlClient) => Promise<void>,
): void {
  describe(`streamAudit over ${events.toLocaleString('en')} events [${label}]`, () => {
    let sql: SqlClient;

    beforeAll(async () => {
      sql = await open();
      await migrateReadModel(sql, [auditLogProjection]);
      await sql.query(seed(events));
    });
    afterAll(() => close(sql));

    const seeded = () => sql;
    itYieldsEveryEventOnceInOrder(seeded, events);
    itHoldsMemoryFlat(seeded, events);
    itReadsEachPageOnDemand(seeded);
    itPagesThroughAFilter(seeded, events);
  });
}

/** The database the suite seeded, once its beforeAll has run. */
type Seeded = () => SqlClient;

function itYieldsEveryEventOnceInOrder(seeded: Seeded, events: number): void {
  it('yields every event once, in log order, in pages of at most the batch size', async () => {
    const sql = seeded();
    const through = await latestAuditPosition(sql);
    let previous = -1;
    let total = 0;
    let pages = 0;
    for await (const page of streamAudit(sql, { through }, { batchSize: 1000 })) {
      expect(page.length).toBeLessThanOrEqual(1000);
      for (const entry of page) {
        const prepare = Number(entry.position.split('/')[1]);
        if (prepare <= previous) throw new Error(`out of order: ${entry.position} after prepare ${previous}`);
        previous = prepare;
      }
      total += page.length;
      pages++;
    }
    expect({ total, pages, last: previous }).toEqual({ total: events, pages: Math.ceil(events / 1000), last: events });
  });
}

function itHoldsMemoryFlat(seeded: Seeded, events: number): void {
  it('holds memory flat: what stays reachable does not grow with the events exported', async () => {
    const gc = collector();
    const pagesOf1000 = Math.ceil(events / 1000);
    const every = Math.ceil(pagesOf1000 / 10); // a full collection per sample: ten samples are enough
    const retained: number[] = [];
    let pages = 0;
    for await (const page of streamAudit(seeded(), {}, { batchSize: 1000 })) {
      expect(page).not.toHaveLength(0);
      if (pages++ % every > 0) continue;
      gc();
      retained.push(process.memoryUsage().heapUsed);
    }
    expect(pages).toBe(pagesOf1000);
    // Keeping every page would retain about 2 kB an event: 20 MB for 10,000.
    expect(Math.max(...retained) - retained[0]).toBeLessThan(8 * 1024 * 1024);
  });
}

function itReadsEachPageOnDemand(seeded: Seeded): void {
  it('reads the next page only when the consumer asks for it, so memory holds one page', async () => {
    const db = counting(seeded());
    const pages = streamAudit(db, {}, { batchSize: 500 })[Symbol.asyncIterator]();
    expect(db.queries).toBe(0);
    expect((await pages.next()).value).toHaveLength(500);
    expect((await pages.next()).value).toHaveLength(500);
    expect(db.queries).toBe(2);
    await pages.return?.();
    expect(db.queries).toBe(2);
  });
}

function itPagesThroughAFilter(seeded: Seeded, events: number): void {
  it('pages through a filter with keyset reads, as many events as countAudit announces', async () => {
    const filter = { projectId: 'tenant-3', podId: 'pod-1' };
    const db = counting(seeded());
    let total = 0;
    for await (const page of streamAudit(db, filter, { batchSize: 1000 })) {
      expect(page.every((e) => e.podId === 'pod-1' && e.stream.startsWith('server-'))).toBe(true);
      total += page.length;
    }
    expect(total).toBe(await countAudit(seeded(), filter));
    expect(total).toBe(Math.round(events / 30));
    expect(db.queries).toBe(Math.floor(total / 1000) + 1);
  });
}
