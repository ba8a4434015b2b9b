import type { RecordedEvent } from '@podgate/event-store';
import { applySyncedToPod, applySyncFailed, definedResourceRows as rows } from '@podgate/pod-sync';
import type { Projection } from '@podgate/read-model';
import type { SqlExecutor } from '@podgate/sql';
import type { VolumeTypeEvent } from '../../domain/volume-type.events';
import { VOLUME_TYPE_CATEGORY } from '../../domain/volume-type.stream';
import { VOLUME_TYPE_TABLES as T, VOLUME_TYPES_MIGRATIONS } from './volume-types.schema';

type Recorded<E> = E & Pick<RecordedEvent, 'position' | 'metadata'>;

/**
 * rm_volume_types, their extra specs and access lists, and what each pod holds under which id, from
 * `volumeType-…` streams. One projection, so one checkpoint serves read-your-writes for the admin
 * API and the reconciler's plan alike.
 */
export const volumeTypesProjection: Projection = {
  name: 'volume_types',
  version: 1,
  filter: { categories: [VOLUME_TYPE_CATEGORY] },
  tables: [T.table, T.extraSpecsTable, T.accessTable, T.syncTable],
  migrations: VOLUME_TYPES_MIGRATIONS,
  async apply(tx, events) {
    for (const event of events) await applyOne(tx, event as unknown as Recorded<VolumeTypeEvent>);
  },
};

const UPDATABLE = { name: 'name', description: 'description', isPublic: 'is_public' } as const;

async function applyOne(tx: SqlExecutor, event: Recorded<VolumeTypeEvent>): Promise<void> {
  const at = event.metadata.occurredAt;
  const { typeId } = event.data;
  switch (event.type) {
    case 'VolumeTypeDefined': {
      const d = event.data;
      await rows.forgetDetails(tx, T, typeId);
      await tx.query(
        `INSERT INTO rm_volume_types (type_id, name, description, is_public, status, generation, defined_seq, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'live', 1, $5, $6, $6)
         ON CONFLICT (type_id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
           is_public = EXCLUDED.is_public, status = 'live', generation = rm_volume_types.generation + 1,
           defined_seq = EXCLUDED.defined_seq, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`,
        [typeId, d.name, d.description, d.isPublic, event.position.commit.toString(), at],
      );
      return rows.setExtraSpecs(tx, T, typeId, d.extraSpecs);
    }
    case 'VolumeTypeUpdated': {
      const changed = (Object.keys(UPDATABLE) as (keyof typeof UPDATABLE)[]).filter((key) => event.data[key] !== undefined);
      const set = changed.map((key, i) => `${UPDATABLE[key]} = $${i + 3}`).join(', ');
      return rows.bump(
        tx,
        T,
        typeId,
        at,
        set || undefined,
        changed.map((key) => event.data[key]),
      );
    }
    case 'VolumeTypeDeleted':
      await rows.forgetDetails(tx, T, typeId);
      return rows.bump(tx, T, typeId, at, `status = 'deleted'`);
    case 'VolumeTypeExtraSpecsSet':
      await rows.setExtraSpecs(tx, T, typeId, event.data.specs);
      return rows.bump(tx, T, typeId, at);
    case 'VolumeTypeExtraSpecUnset':
      await rows.deleteExtraSpec(tx, T, typeId, event.data.key);
      return rows.bump(tx, T, typeId, at);
    case 'VolumeTypeAccessAdded':
      await rows.addAccess(tx, T, typeId, event.data.projectId, event.position.commit);
      return rows.bump(tx, T, typeId, at);
    case 'VolumeTypeAccessRemoved':
      await rows.removeAccess(tx, T, typeId, event.data.projectId);
      return rows.bump(tx, T, typeId, at);
    case 'VolumeTypeSyncedToPod':
      return applySyncedToPod(tx, T, { ...event.data, id: typeId, at }, { pod_type_id: event.data.podTypeId });
    case 'VolumeTypeSyncFailed':
      return applySyncFailed(tx, T, { ...event.data, id: typeId, at });
    default:
      return unreachable(event);
  }
}

function unreachable(value: never): never {
  throw new Error(`volume types projection: unhandled event ${JSON.stringify(value)}`);
}
