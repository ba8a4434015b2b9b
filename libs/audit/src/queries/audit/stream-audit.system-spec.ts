import { PgPoolClient, type SqlClient } from '@podgate/sql';
import { createScratchDatabase, type ScratchDatabase } from '../../../../../test/system/testing/scratch-database';
import { streamAuditSuite } from '../../testing/stream-audit.suite';

/** A database of its own, so other suites' rm_audit on the shared server is neither read nor touched. */
let database: ScratchDatabase;

streamAuditSuite(
  'PostgreSQL server',
  100_000,
  async () => {
    database = await createScratchDatabase('stream_audit');
    return new PgPoolClient({ connectionString: database.url });
  },
  async (sql: SqlClient) => {
    await sql.close();
    await database.drop();
  },
);
