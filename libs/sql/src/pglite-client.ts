import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor, SqlResult } from './sql-client';

/**
 * PostgreSQL compiled to WebAssembly, in this process: the embedded default, so `npm start` needs
 * no server. `dataDir` is a folder (kept across restarts) or undefined for memory only (tests).
 * PGlite has one connection; it queues queries and runs one transaction at a time.
 */
export class PGliteClient implements SqlClient {
  readonly kind = 'pglite';

  private constructor(private readonly db: PGlite) {}

  static async open(dataDir?: string): Promise<PGliteClient> {
    const db = await PGlite.create(dataDir ?? 'memory://', { loadDataDir: templateFor(dataDir) });
    return new PGliteClient(db);
  }

  async query<Row>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> {
    const result = await this.db.query<Row>(text, params as unknown[] | undefined);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) =>
      work({
        query: async <Row>(text: string, params?: readonly unknown[]) => {
          const result = await tx.query<Row>(text, params as unknown[] | undefined);
          return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
        },
      }),
    );
  }

  async exec(script: string): Promise<void> {
    await this.db.exec(script);
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    return this.db.listen(channel, () => onNotify());
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}

/**
 * A new, empty database can start from a dump of a freshly initialised one instead of running
 * initdb (about 1 s instead of 5). The test setup makes such a dump once per run and names it in
 * PODGATE_PGLITE_TEMPLATE; an existing data folder is always opened as it is.
 */
function templateFor(dataDir: string | undefined): Blob | undefined {
  const template = process.env.PODGATE_PGLITE_TEMPLATE;
  if (!template || !existsSync(template)) return undefined;
  if (dataDir !== undefined && existsSync(dataDir) && readdirSync(dataDir).length > 0) return undefined;
  return new Blob([readFileSync(template)]);
}
