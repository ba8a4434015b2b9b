import { DomainError } from '@podgate/kernel';

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
