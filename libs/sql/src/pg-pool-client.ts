import { Client, Pool, types } from 'pg';
import type { SqlClient, SqlExecutor, SqlResult } from './sql-client';

export interface PgPoolOptions {
  readonly connectionString: string;
  readonly max?: number;
  /** How long to wait for a connection before giving up, so a down server answers fast. */
  readonly connectTimeoutMs?: number;
  /** Client-side bound on one query, so a hung server cannot hang a request. */
  readonly queryTimeoutMs?: number;
  readonly onError?: (error: Error) => void;
}

// jsonb stays parsed; int8/numeric stay strings (we convert to bigint where we mean it).
types.setTypeParser(types.builtins.INT8, (value) => value);

/** A PostgreSQL server through a `pg` pool. */
export class PgPoolClient implements SqlClient {
  readonly kind = 'postgres';
  private readonly pool: Pool;

  constructor(private readonly options: PgPoolOptions) {
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
      query_timeout: options.queryTimeoutMs ?? 30_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its server must not crash the process; the next query reports it.
    this.pool.on('error', (error) => options.onError?.(error));
  }

  async query<Row>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>> {
    const result = await this.pool.query(text, params as unknown[] | undefined);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const tx: SqlExecutor = {
        query: async <Row>(text: string, params?: readonly unknown[]) => {
          const result = await client.query(text, params as unknown[] | undefined);
          return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
        },
      };
      const value = await work(tx);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async exec(script: string): Promise<void> {
    await this.pool.query(script);
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    // LISTEN needs a connection of its own for as long as we listen: not one from the pool.
    const client = new Client({ connectionString: this.options.connectionString, connectionTimeoutMillis: 3000 });
    client.on('error', (error) => this.options.onError?.(error));
    await client.connect();
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    await client.query(`LISTEN ${quoteIdentifier(channel)}`);
    return async () => {
      await client.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;
