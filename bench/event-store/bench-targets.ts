import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type EventStore, openPostgresEventStore } from '@podgate/event-store';
import { lentClient, PgPoolClient, PGliteClient, type SqlClient } from '@podgate/sql';

const BENCH_DATABASE = 'podgate_bench';

/** WAL flush counters of the whole server (pg_stat_wal), for group-commit evidence. */
export interface WalCounters {
  readonly syncs: number;
  readonly syncMs: number;
}

/** One database under test, empty when opened. Each phase opens its own store on it. */
export interface BenchTarget {
  readonly adapter: 'pglite' | 'postgres';
  readonly version: string;
  /** The read model's database: PGlite's one connection, or a small pool on the bench database. */
  readonly readModel: SqlClient;
  /** pid of the PostgreSQL postmaster when the server runs on this machine (CPU accounting). */
  readonly postmasterPid?: number;
  openStore(writers: number): Promise<EventStore>;
  walCounters(): Promise<WalCounters | undefined>;
  close(): Promise<void>;
}

/** The embedded default: PGlite file-backed in a fresh temp dir, one connection for everything. */
export async function openPgliteTarget(): Promise<BenchTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'podgate-bench-pglite-'));
  const sql = await PGliteClient.open(join(dir, 'pglite'));
  const { rows } = await sql.query<{ version: string }>("SELECT current_setting('server_version') AS version");
  const version = JSON.parse(readFileSync(join(require.resolve('@electric-sql/pglite'), '../../package.json'), 'utf8')).version;
  return {
    adapter: 'pglite',
    version: `${version} (PostgreSQL ${rows[0].version})`,
    readModel: sql,
    openStore: () => openPostgresEventStore(lentClient(sql)),
    walCounters: async () => undefined,
    close: async () => {
      await sql.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The PostgreSQL server, in a database dropped and created for this run so no earlier history
 * counts. Sessions time their WAL flushes (track_wal_io_timing, a statistics setting only: fsync and
 * synchronous_commit stay as the server has them).
 */
export async function openPostgresTarget(adminUrl: string): Promise<BenchTarget> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  let version: string;
  let postmasterPid: number | undefined;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
    version = (await admin.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version'])).rows[0].v;
    postmasterPid = await localPostmasterPid(admin, adminUrl);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  url.searchParams.set('options', '-c track_wal_io_timing=on');
  const connectionString = url.toString();
  const readModel = new PgPoolClient({ connectionString, max: 4 });
  return {
    adapter: 'postgres',
    version,
    readModel,
    postmasterPid,
    openStore: (writers) => openPostgresEventStore(new PgPoolClient({ connectionString, max: Math.max(writers, 2) })),
    walCounters: async () => {
      const { rows } = await readModel.query<{ syncs: string; sync_ms: number }>(
        'SELECT wal_sync AS syncs, wal_sync_time AS sync_ms FROM pg_stat_wal',
      );
      return { syncs: Number(rows[0].syncs), syncMs: Number(rows[0].sync_ms) };
    },
    close: () => readModel.close(),
  };
}

async function localPostmasterPid(admin: Client, url: string): Promise<number | undefined> {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)) return undefined;
  try {
    const { rows } = await admin.query<{ dir: string }>('SELECT current_setting($1) AS dir', ['data_directory']);
    return Number(readFileSync(join(rows[0].dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined; // not readable by this user: CPU of the server goes unreported
  }
}
