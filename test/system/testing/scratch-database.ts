// A database of its own for a system suite on the PostgreSQL server of DATABASE_URL (npm run
// test:system starts one): a fresh event log and read model, other suites' rows neither read nor
// touched, and nothing left behind.
import { randomBytes } from 'node:crypto';
import { PgPoolClient } from '@podgate/sql';

export interface ScratchDatabase {
  /** Connection string of the new database. */
  readonly url: string;
  /** Drops the database; the suite closes its own connections to it first. */
  drop(): Promise<void>;
}

/** Creates `podgate_<name>_<random>` on the server. */
export async function createScratchDatabase(name: string): Promise<ScratchDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name a PostgreSQL server (npm run test:system starts one)');
  const database = `podgate_${name}_${randomBytes(4).toString('hex')}`;
  const server = new PgPoolClient({ connectionString: url, max: 1 });
  try {
    await server.query(`CREATE DATABASE ${database}`);
  } catch (error) {
    await server.close();
    throw error;
  }
  const own = new URL(url);
  own.pathname = `/${database}`;
  return {
    url: own.toString(),
    async drop() {
      await server.query(`DROP DATABASE IF EXISTS ${database}`);
      await server.close();
    },
  };
}
