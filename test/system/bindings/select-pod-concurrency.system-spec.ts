import { randomBytes } from 'node:crypto';
import { openPostgresEventStore } from '@podgate/event-store';
import { PgPoolClient } from '@podgate/sql';
import { type BindingsTestBed, openBindingsTestBed } from '../../../libs/bindings/src/testing/bindings-test-bed';
import { ignoringExpectedRevision, raceSelectPod } from '../../../libs/bindings/src/testing/select-pod-race';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a PostgreSQL server (npm run test:system starts one)');

const CALLS = 50;
/** A database of its own per run: a fresh event log and read model, and nothing left behind. */
const database = `podgate_select_pod_${randomBytes(4).toString('hex')}`;
const server = new PgPoolClient({ connectionString: url, max: 1 });

/**
 * The acceptance test on a real server: 50 concurrent first requests of one tenant in one
 * AZ, over a pool of 20 connections, so appends really do run in parallel transactions.
 */
describe('SelectPod under 50 concurrent first requests (PostgreSQL server)', () => {
  let bed: BindingsTestBed;

  beforeAll(async () => {
    await server.query(`CREATE DATABASE ${database}`);
    const own = new URL(url);
    own.pathname = `/${database}`;
    const sql = new PgPoolClient({ connectionString: own.toString(), max: 20 });
    bed = await openBindingsTestBed(async () => ({ sql, store: await openPostgresEventStore(sql, { subscriptionIdleMs: 20 }) }));
  });
  afterAll(async () => {
    await bed?.close();
    await server.query(`DROP DATABASE IF EXISTS ${database}`);
    await server.close();
  });

  it('records exactly one binding, and every answer names the same pod and binding', async () => {
    const { answers, recorded, elapsedMs } = await raceSelectPod(bed, 'postgres', CALLS);
    console.log(`50 concurrent SelectPod calls on the PostgreSQL server: ${elapsedMs.toFixed(0)} ms`);
    expect(recorded).toEqual(['TenantBoundToPod']);
    expect(new Set(answers.map((a) => a.pod.podId)).size).toBe(1);
    expect(new Set(answers.map((a) => a.binding.bindingId)).size).toBe(1);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    await bed.caughtUp();
    const { rows } = await bed.sql.query(`SELECT 1 FROM rm_bindings WHERE project_id = 'tenant-postgres'`);
    expect(rows).toHaveLength(1);
  });

  it('would bind many times over without the expected revision: the race above can fail', async () => {
    const resume = await bed.pauseBindingsProjection();
    try {
      const { recorded } = await raceSelectPod(bed, 'unguarded', CALLS, ignoringExpectedRevision(bed.store));
      expect(recorded.filter((type) => type === 'TenantBoundToPod').length).toBeGreaterThan(1);
    } finally {
      resume();
    }
  });
});
