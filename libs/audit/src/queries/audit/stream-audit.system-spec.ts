import { PgPoolClient, type SqlClient } from '@podgate/sql';
import { randomBytes } from 'node:crypto';
import { streamAuditSuite } from '../../testing/stream-audit.suite';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL must name a PostgreSQL server (npm run test:system starts one)');

/** A database of its own, so other suites' rm_audit on the shared server is neither read nor touched. */
const database = `podgate_stream_audit_${randomBytes(4).toString('hex')}`;
const server = new PgPoolClient({ connectionString: url, max: 1 });

streamAuditSuite(
  'PostgreSQL server',
  100_000,
  async () => {
    await server.query(`CREATE DATABASE ${database}`);
    const own = new URL(url);
    own.pathname = `/${database}`;
    return new PgPoolClient({ connectionString: own.toString() });
  },
  async (sql: SqlClient) => {
    await sql.close();
    await server.query(`DROP DATABASE ${database}`);
    await server.close();
  },
);
