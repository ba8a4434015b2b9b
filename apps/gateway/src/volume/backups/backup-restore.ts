import { DomainError } from '@podgate/kernel';
import { invalidInputDetail } from '../../compute/validation/invalid-input-detail';
import { firstViolation, type JsonSchema } from '../../compute/validation/nova-json-schema';
import { InvalidVolumeResourceBodyError, UUID_ALLOW_NULL } from '../resources/parent-id';

/** A restore into a volume of another pod: no pod could read the backup and write the volume. */
export class RestoreTargetInOtherPodError extends DomainError {
  readonly code = 'BACKUPS.RESTORE_TARGET_IN_OTHER_POD';
  readonly kind = 'badRequest';
  constructor(backupId: string, volumeId: string) {
    super(
      `Invalid volume: Volume ${volumeId} is not in the pod of backup ${backupId}; a backup restores only into a volume of its own pod.`,
    );
  }
}

/**
 * POST /backups/import_record, refused: a backup record names a backup service and URL that only
 * the pod it was exported from can read, and nothing in the record says which pod that is; a backup
 * imported into a pod podgate guessed would not be routed, or would be routed wrongly.
 */
export class BackupImportUnsupportedError extends DomainError {
  readonly code = 'BACKUPS.IMPORT_UNSUPPORTED';
  readonly kind = 'badRequest';
  constructor() {
    super(
      'Invalid backup: podgate cannot import backup records: a record does not say which pod can read it. Import it in the pod it was exported from.',
    );
  }
}

/** The new volume's id in the restore's answer (`{"restore": {"volume_id": ...}}`). */
export function restoredVolumeIdOf(body: unknown): string | undefined {
  const restore = (body as { restore?: { volume_id?: unknown } } | null | undefined)?.restore;
  return typeof restore?.volume_id === 'string' ? restore.volume_id : undefined;
}

/** What of Cinder's restore schema (schemas/backups.py) decides where the restore goes; the pod checks the rest. */
const RESTORE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { restore: { type: ['object', 'null'], properties: { volume_id: UUID_ALLOW_NULL } } },
  required: ['restore'],
};

/**
 * The volume a restore writes into, undefined for a new one (`restore` null or without volume_id).
 * A body Cinder's schema refuses is refused here, in its words, before anything is forwarded: a
 * missing body must not become a new volume.
 */
export function restoreTargetOf(body: unknown): string | undefined {
  const violation = firstViolation(RESTORE_SCHEMA, body ?? {});
  if (violation) throw new InvalidVolumeResourceBodyError(invalidInputDetail(violation));
  const id = (body as { restore: { volume_id?: string | null } | null }).restore?.volume_id;
  return id ?? undefined;
}
