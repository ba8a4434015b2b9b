import type { SqlExecutor } from '@podgate/sql';
import type { BindingState } from '../../domain/binding.decider';
import { bindingColumns, type BindingRow, type BindingView, toBindingView } from './binding.view';

/** What the read model knows of one binding stream: enough to decide and append without reading the stream. */
export interface KnownBindingKey {
  /** The stream revision the projection has applied ('no_stream' when it has seen no event of the key). */
  readonly revision: bigint | 'no_stream';
  readonly state: BindingState;
  readonly active: BindingView | undefined;
}

const NEVER_SEEN: KnownBindingKey = { revision: 'no_stream', state: { active: undefined, everBound: [] }, active: undefined };

/**
 * One statement, so the revision and the state come from the same snapshot: the pair is what the
 * stream looked like at that revision, and an append expecting it fails if anything came since.
 */
export async function findBindingKey(sql: SqlExecutor, bindingKey: string): Promise<KnownBindingKey> {
  const { rows } = await sql.query<Partial<BindingRow> & { stream_revision: string; ever_bound: string[] }>(
    `SELECT k.stream_revision::text,
            ARRAY(SELECT e.binding_id::text FROM rm_bindings e WHERE e.binding_key = k.binding_key ORDER BY e.bound_at) AS ever_bound,
            ${bindingColumns('b')}
       FROM rm_binding_keys k LEFT JOIN rm_bindings b ON b.binding_id = k.active_binding_id
      WHERE k.binding_key = $1`,
    [bindingKey],
  );
  if (rows.length === 0) return NEVER_SEEN;
  const row = rows[0];
  const active = row.binding_id ? toBindingView(row as BindingRow) : undefined;
  return {
    revision: BigInt(row.stream_revision),
    state: {
      active: active && { bindingId: active.bindingId, podId: active.podId, boundAt: active.boundAt },
      everBound: row.ever_bound,
    },
    active,
  };
}
