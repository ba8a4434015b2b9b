import type { RecordedEvent } from '@podgate/event-store';
import { applySyncedToPod, applySyncFailed, definedResourceRows as rows } from '@podgate/pod-sync';
import type { Projection } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';
import type { FlavorEvent } from '../../domain/flavor.events';
import { FLAVOR_CATEGORY } from '../../domain/flavor.stream';
import { FLAVOR_TABLES } from '../../queries/flavors/flavor-sync.query';
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
      await rows.forgetDetails(tx, FLAVOR_TABLES, flavorId);
      return rows.bump(tx, FLAVOR_TABLES, flavorId, at, `status = 'deleted'`);
    case 'FlavorDescriptionUpdated':
      return rows.bump(tx, FLAVOR_TABLES, flavorId, at, 'description = $3', [event.data.description]);
    case 'FlavorExtraSpecsSet':
      await rows.setExtraSpecs(tx, FLAVOR_TABLES, flavorId, event.data.specs);
      return rows.bump(tx, FLAVOR_TABLES, flavorId, at);
    case 'FlavorExtraSpecDeleted':
      await rows.deleteExtraSpec(tx, FLAVOR_TABLES, flavorId, event.data.key);
      return rows.bump(tx, FLAVOR_TABLES, flavorId, at);
    case 'FlavorAccessAdded':
      await rows.addAccess(tx, FLAVOR_TABLES, flavorId, event.data.projectId, event.position.commit);
      return rows.bump(tx, FLAVOR_TABLES, flavorId, at);
    case 'FlavorAccessRemoved':
      await rows.removeAccess(tx, FLAVOR_TABLES, flavorId, event.data.projectId);
      return rows.bump(tx, FLAVOR_TABLES, flavorId, at);
    case 'FlavorSyncedToPod':
      return applySyncedToPod(tx, FLAVOR_TABLES, { ...event.data, id: flavorId, at });
    case 'FlavorSyncFailed':
      return applySyncFailed(tx, FLAVOR_TABLES, { ...event.data, id: flavorId, at });
    default:
      return unreachable(event);
  }
}

/** A definition (first, or again after a deletion) starts with no extra specs and no access, as in Nova. */
async function defined(tx: SqlExecutor, event: Of<'FlavorDefined'>, at: string): Promise<void> {
  const d = event.data;
  await rows.forgetDetails(tx, FLAVOR_TABLES, d.flavorId);
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

function unreachable(value: never): never {
  throw new Error(`flavors projection: unhandled event ${JSON.stringify(value)}`);
}
