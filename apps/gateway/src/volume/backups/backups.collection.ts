import { DomainError } from '@podgate/kernel';
import { VolumeResourceNotFoundError } from '@podgate/volumes';
import type { QueryPairs } from '../../api/links';
import { type CinderCollection, fieldsOf } from '../listing/cinder-collection';
import type { CinderListing } from '../listing/cinder-lister';

type Json = Record<string, unknown>;

/** Backups as the merged list sees them (views/backups.py detail). */
export const BACKUPS: CinderCollection = {
  name: 'backups',
  itemKey: 'backup',
  pagedByLinks: true,
  counted: true,
  /** Cinder's 404 for a marker it cannot find (BackupNotFound from its db layer's get of the marker). */
  markerNotFound: (markerId) => new VolumeResourceNotFoundError('backup', markerId),
  fieldOfSortKey: fieldsOf({
    availability_zone: 'availability_zone',
    container: 'container',
    snapshot_id: 'snapshot_id',
    data_timestamp: 'data_timestamp',
    object_count: 'object_count',
    project_id: 'os-backup-project-attr:project_id',
    user_id: 'user_id',
  }),
};

/** Cinder's summary view of a backup: id, name, links. */
export const backupSummary = (backup: Json): Json => ({ id: backup.id, name: backup.name, links: backup.links });

/** backup/api.py get_all's 400 for an `all_tenants` that is no boolean word (InvalidParameterValue). */
export class InvalidBackupAllTenantsError extends DomainError {
  readonly code = 'BACKUPS.INVALID_ALL_TENANTS';
  readonly kind = 'badRequest';
  constructor(value: string) {
    super(`all_tenants must be a boolean, got '${value}'.`);
  }
}

const TRUE_WORDS = new Set(['1', 't', 'true', 'on', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'f', 'false', 'off', 'n', 'no']);

/**
 * backup/api.py get_all: `all_tenants` (webob's first value) must be a boolean word for anyone
 * (is_valid_boolstr), and counts for admins only.
 */
export function backupsAllTenantsAsked(pairs: QueryPairs): boolean {
  const value = pairs.find(([name]) => name === 'all_tenants')?.[1];
  if (value === undefined) return false;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new InvalidBackupAllTenantsError(value);
}

/** How the backups lists are merged (the summary or detail comes from the route). */
export const BACKUP_LISTING: Omit<CinderListing, 'kind'> = {
  collection: BACKUPS,
  routedAs: 'backup',
  allTenantsAsked: backupsAllTenantsAsked,
  summary: backupSummary,
  markerRouted: true,
};
