import type { RecordedEvent } from '@podgate/event-store';
import type { Projection } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';
import type { FlavorEvent } from '../../domain/flavor.events';
import { FLAVOR_CATEGORY } from '../../domain/flavor.stream';
import { FLAVORS_MIGRATIONS } from './flavors.schema';

type Recorded<E> = E & Pick<RecordedEvent, 'position' | 'metadata'>;
type Of<T extends FlavorEvent['type']> = Recorded<Extract<FlavorEvent, { type: T }>>;

/**
 * rm_flavors, their extra specs and access lists, and what each pod holds, from `flavor-…`
 * streams. One projection, so one checkpoint serves read-your-writes for the admin API and the
 * reconciler's plan alike.
 */
export const flavorsProjection: Projection = {
  name: 'flavors',
  version: 1,
  filter: { categories: [FLAVOR_CATEGORY] },
  tables: ['rm_flavors', 'rm_flavor_extra_specs', 'rm_flavor_access', 'rm_flavor_pod_sync'],
  migrations: FLAVORS_MIGRATIONS,
  async apply(tx, events) {
    for (const event of events) await applyOne(tx, event as unknown as Recorded<FlavorEvent>);
  },
};

async function applyOne(tx: SqlExecutor, event: Recorded<FlavorEvent>): Promise<void> {
  const at = event.metadata.occurredAt;
  const { flavorId } = event.data;
  switch (event.type) {
    case 'FlavorDefined':
      return defined(tx, event, at);
    case 'FlavorDeleted':
      await forgetDetails(tx, flavorId);
      return bump(tx, flavorId, at, `status = 'deleted'`);
    case 'FlavorDescriptionUpdated':
      return bump(tx, flavorId, at, 'description = $3', [event.data.description]);
    case 'FlavorExtraSpecsSet':
      for (const [key, value] of Object.entries(event.data.specs)) {
        await tx.query(
          `INSERT INTO rm_flavor_extra_specs (flavor_id, key, value) VALUES ($1, $2, $3)
             ON CONFLICT (flavor_id, key) DO UPDATE SET value = EXCLUDED.value`,
          [flavorId, key, value],
        );
      }
      return bump(tx, flavorId, at);
    case 'FlavorExtraSpecDeleted':
      await tx.query(`DELETE FROM rm_flavor_extra_specs WHERE flavor_id = $1 AND key = $2`, [flavorId, event.data.key]);
      return bump(tx, flavorId, at);
    case 'FlavorAccessAdded':
      await tx.query(
        `INSERT INTO rm_flavor_access (flavor_id, project_id, added_seq) VALUES ($1, $2, $3)
           ON CONFLICT (flavor_id, project_id) DO NOTHING`,
        [flavorId, event.data.projectId, event.position.commit.toString()],
      );
      return bump(tx, flavorId, at);
    case 'FlavorAccessRemoved':
      await tx.query(`DELETE FROM rm_flavor_access WHERE flavor_id = $1 AND project_id = $2`, [flavorId, event.data.projectId]);
      return bump(tx, flavorId, at);
    case 'FlavorSyncedToPod':
      return synced(tx, event, at);
    case 'FlavorSyncFailed':
      return syncFailed(tx, event, at);
    default:
      return unreachable(event);
  }
}

/** A definition (first, or again after a deletion) starts with no extra specs and no access, as in Nova. */
async function defined(tx: SqlExecutor, event: Of<'FlavorDefined'>, at: string): Promise<void> {
  const d = event.data;
  await forgetDetails(tx, d.flavorId);
  await tx.query(
    `INSERT INTO rm_flavors (flavor_id, name, ram, vcpus, disk, ephemeral, swap, rxtx_factor, is_public, description,
       status, generation, defined_seq, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'live', 1, $11, $12, $12)
     ON CONFLICT (flavor_id) DO UPDATE SET name = EXCLUDED.name, ram = EXCLUDED.ram, vcpus = EXCLUDED.vcpus,
       disk = EXCLUDED.disk, ephemeral = EXCLUDED.ephemeral, swap = EXCLUDED.swap, rxtx_factor = EXCLUDED.rxtx_factor,
       is_public = EXCLUDED.is_public, description = EXCLUDED.description, status = 'live',
       generation = rm_flavors.generation + 1, defined_seq = EXCLUDED.defined_seq,
       created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`,
    [
      d.flavorId,
      d.name,
      d.ram,
      d.vcpus,
      d.disk,
      d.ephemeral,
      d.swap,
      d.rxtxFactor,
      d.isPublic,
      d.description,
      event.position.commit.toString(),
      at,
    ],
  );
}

async function forgetDetails(tx: SqlExecutor, flavorId: string): Promise<void> {
  await tx.query(`DELETE FROM rm_flavor_extra_specs WHERE flavor_id = $1`, [flavorId]);
  await tx.query(`DELETE FROM rm_flavor_access WHERE flavor_id = $1`, [flavorId]);
}

/** Every change a pod must follow starts a new generation (the stream counts the same events). */
async function bump(tx: SqlExecutor, flavorId: string, at: string, set?: string, values: unknown[] = []): Promise<void> {
  await tx.query(
    `UPDATE rm_flavors SET generation = generation + 1, updated_at = $2${set ? `, ${set}` : ''} WHERE flavor_id = $1`,
    [flavorId, at, ...values],
  );
}

/** Never moves a pod backwards; a success clears a failure of the same or an older generation. */
async function synced(tx: SqlExecutor, event: Of<'FlavorSyncedToPod'>, at: string): Promise<void> {
  const { flavorId, podId, generation } = event.data;
  await tx.query(
    `INSERT INTO rm_flavor_pod_sync (flavor_id, pod_id, generation, synced_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (flavor_id, pod_id) DO UPDATE SET
       generation = GREATEST(rm_flavor_pod_sync.generation, EXCLUDED.generation),
       synced_at = EXCLUDED.synced_at,
       failed_generation = CASE WHEN rm_flavor_pod_sync.failed_generation <= EXCLUDED.generation
                                THEN NULL ELSE rm_flavor_pod_sync.failed_generation END,
       failure_status = CASE WHEN rm_flavor_pod_sync.failed_generation <= EXCLUDED.generation
                             THEN NULL ELSE rm_flavor_pod_sync.failure_status END,
       failure_message = CASE WHEN rm_flavor_pod_sync.failed_generation <= EXCLUDED.generation
                              THEN NULL ELSE rm_flavor_pod_sync.failure_message END,
       failed_at = CASE WHEN rm_flavor_pod_sync.failed_generation <= EXCLUDED.generation
                        THEN NULL ELSE rm_flavor_pod_sync.failed_at END`,
    [flavorId, podId, generation, at],
  );
}

/** A pod only tried holds generation 0 (the push may have half-happened: a deletion must visit it). */
async function syncFailed(tx: SqlExecutor, event: Of<'FlavorSyncFailed'>, at: string): Promise<void> {
  const { flavorId, podId, generation, status, message } = event.data;
  await tx.query(
    `INSERT INTO rm_flavor_pod_sync (flavor_id, pod_id, generation, failed_generation, failure_status, failure_message, failed_at)
     VALUES ($1, $2, 0, $3, $4, $5, $6)
     ON CONFLICT (flavor_id, pod_id) DO UPDATE SET failed_generation = EXCLUDED.failed_generation,
       failure_status = EXCLUDED.failure_status, failure_message = EXCLUDED.failure_message, failed_at = EXCLUDED.failed_at`,
    [flavorId, podId, generation, status ?? null, message, at],
  );
}

function unreachable(value: never): never {
  throw new Error(`flavors projection: unhandled event ${JSON.stringify(value)}`);
}
