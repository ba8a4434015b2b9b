import type { SqlClient } from './sql-client';

/** One schema change. Versions are per namespace, applied in order, each once, each in a transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export class MigrationOrderError extends Error {}

const LEDGER = `
CREATE TABLE IF NOT EXISTS podgate_migrations (
  namespace  text        NOT NULL,
  version    integer     NOT NULL,
  name       text        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (namespace, version)
)`;

/**
 * Applies the namespace's migrations that are not yet in the ledger. Concurrent starters (two
 * gateway replicas) serialize on an advisory lock, so each migration runs exactly once.
 */
export async function migrate(client: SqlClient, namespace: string, migrations: readonly Migration[]): Promise<number[]> {
  assertOrdered(namespace, migrations);
  await client.exec(LEDGER);
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`podgate_migrations:${namespace}`]);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM podgate_migrations WHERE namespace = $1', [
      namespace,
    ]);
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newlyApplied: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO podgate_migrations (namespace, version, name) VALUES ($1, $2, $3)', [
        namespace,
        migration.version,
        migration.name,
      ]);
      newlyApplied.push(migration.version);
    }
    return newlyApplied;
  });
}

function assertOrdered(namespace: string, migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationOrderError(
        `${namespace} migration ${migration.name} has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}

/**
 * Statements are separated by a line holding only `--;` so that function bodies with semicolons
 * stay whole; extended-protocol queries take one statement each.
 */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/^--;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
