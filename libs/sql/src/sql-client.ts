/** The little of PostgreSQL that podgate needs, the same over a `pg` pool and in-process PGlite. */
export interface SqlResult<Row> {
  readonly rows: Row[];
  readonly rowCount: number;
}

export interface SqlExecutor {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
}

export type SqlClientKind = 'pglite' | 'postgres';

export interface SqlClient extends SqlExecutor {
  readonly kind: SqlClientKind;
  /** Runs `work` in one transaction on one connection: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations); no parameters. */
  exec(script: string): Promise<void>;
  /** Calls `onNotify` on every NOTIFY to `channel`; resolves to the function that stops listening. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The same client lent to another owner: closing the loan leaves the client open for its real owner. */
export function lentClient(sql: SqlClient): SqlClient {
  return {
    kind: sql.kind,
    query: (text, params) => sql.query(text, params),
    transaction: (work) => sql.transaction(work),
    exec: (script) => sql.exec(script),
    listen: (channel, onNotify) => sql.listen(channel, onNotify),
    close: async () => undefined,
  };
}
