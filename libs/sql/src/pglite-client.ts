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
    const db = await PGlite.create(dataDir ?? 'memory://');
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
