import type { SqlExecutor } from '@podgate/sql';
import type { DefinedResourceTables } from './pod-sync-tables';

/**
 * The rows every resource defined at the gateway keeps besides its own columns: extra specs and the
 * access list, and the generation its changes count up (the stream counts the same events).
 */
export const definedResourceRows = {
  /** Every change a pod must follow starts a new generation. */
  async bump(tx: SqlExecutor, t: DefinedResourceTables, id: string, at: string, set?: string, values: unknown[] = []) {
    await tx.query(
      `UPDATE ${t.table} SET generation = generation + 1, updated_at = $2${set ? `, ${set}` : ''} WHERE ${t.idColumn} = $1`,
      [id, at, ...values],
    );
  },

  /** A definition (first, or again after a deletion) and a deletion start from no extra specs and no access. */
  async forgetDetails(tx: SqlExecutor, t: DefinedResourceTables, id: string) {
    await tx.query(`DELETE FROM ${t.extraSpecsTable} WHERE ${t.idColumn} = $1`, [id]);
    await tx.query(`DELETE FROM ${t.accessTable} WHERE ${t.idColumn} = $1`, [id]);
  },

  async setExtraSpecs(tx: SqlExecutor, t: DefinedResourceTables, id: string, specs: Readonly<Record<string, string>>) {
    for (const [key, value] of Object.entries(specs)) {
      await tx.query(
        `INSERT INTO ${t.extraSpecsTable} (${t.idColumn}, key, value) VALUES ($1, $2, $3)
           ON CONFLICT (${t.idColumn}, key) DO UPDATE SET value = EXCLUDED.value`,
        [id, key, value],
      );
    }
  },

  async deleteExtraSpec(tx: SqlExecutor, t: DefinedResourceTables, id: string, key: string) {
    await tx.query(`DELETE FROM ${t.extraSpecsTable} WHERE ${t.idColumn} = $1 AND key = $2`, [id, key]);
  },

  /** `seq`: the event's commit position, so the list keeps the order projects were added in. */
  async addAccess(tx: SqlExecutor, t: DefinedResourceTables, id: string, projectId: string, seq: bigint) {
    await tx.query(
      `INSERT INTO ${t.accessTable} (${t.idColumn}, project_id, added_seq) VALUES ($1, $2, $3)
         ON CONFLICT (${t.idColumn}, project_id) DO NOTHING`,
      [id, projectId, seq.toString()],
    );
  },

  async removeAccess(tx: SqlExecutor, t: DefinedResourceTables, id: string, projectId: string) {
    await tx.query(`DELETE FROM ${t.accessTable} WHERE ${t.idColumn} = $1 AND project_id = $2`, [id, projectId]);
  },
};

/** Select-list entries `extra_specs` (an object) and `projects` (in the order added) of the row aliased `alias`. */
export const definedResourceDetailColumns = (t: DefinedResourceTables, alias: string): string =>
  `COALESCE((SELECT jsonb_object_agg(s.key, s.value) FROM ${t.extraSpecsTable} s WHERE s.${t.idColumn} = ${alias}.${t.idColumn}),
    '{}'::jsonb) AS extra_specs,
  COALESCE((SELECT jsonb_agg(a.project_id ORDER BY a.added_seq, a.project_id) FROM ${t.accessTable} a
    WHERE a.${t.idColumn} = ${alias}.${t.idColumn}), '[]'::jsonb) AS projects`;

/** SQL true when the row aliased `alias` is shared with the project in parameter `projectParam`. */
export const sharedWithProject = (t: DefinedResourceTables, alias: string, projectParam: string): string =>
  `EXISTS (SELECT 1 FROM ${t.accessTable} x WHERE x.${t.idColumn} = ${alias}.${t.idColumn} AND x.project_id = ${projectParam})`;
