import { VolumeResourceNotFoundError } from '@podgate/volumes';
import type { QueryPairs } from '../../api/links';
import { withHiddenTag } from '../../api/provisioning-tag';
import { type CinderCollection, fieldsOf } from '../listing/cinder-collection';
import type { CinderListing } from '../listing/cinder-lister';

type Json = Record<string, unknown>;

/**
 * Snapshots as the merged list sees them (views/snapshots.py, the extended attributes of the
 * detail), podgate's provisioning tag out of their metadata.
 */
export const SNAPSHOTS: CinderCollection = {
  name: 'snapshots',
  itemKey: 'snapshot',
  pagedByLinks: true,
  counted: true,
  /** Cinder's 404 for a marker it cannot find (SnapshotNotFound from its db layer's get of the marker). */
  markerNotFound: (markerId) => new VolumeResourceNotFoundError('snapshot', markerId),
  fieldOfSortKey: fieldsOf({
    project_id: 'os-extended-snapshot-attributes:project_id',
    user_id: 'user_id',
    group_snapshot_id: 'group_snapshot_id',
  }),
  viewItem: withHiddenTag,
};

/** What Cinder's summary view of a snapshot shows: the detail without its extended and microversion fields. */
const SUMMARY_FIELDS = ['id', 'created_at', 'updated_at', 'name', 'description', 'volume_id', 'status', 'size', 'metadata'];

export const snapshotSummary = (snapshot: Json): Json =>
  Object.fromEntries(SUMMARY_FIELDS.filter((field) => Object.hasOwn(snapshot, field)).map((field) => [field, snapshot[field]]));

const TRUE_WORDS = new Set(['1', 't', 'true', 'on', 'y', 'yes']);

/**
 * volume/api.py get_all_snapshots: `all_tenants` (webob's first value) by oslo's lenient
 * bool_from_string, anything else being false; it counts for admins only.
 */
export function snapshotsAllTenantsAsked(pairs: QueryPairs): boolean {
  const value = pairs.find(([name]) => name === 'all_tenants')?.[1];
  return value !== undefined && TRUE_WORDS.has(value.trim().toLowerCase());
}

/** How the snapshots lists are merged (the summary or detail comes from the route). */
export const SNAPSHOT_LISTING: Omit<CinderListing, 'kind'> = {
  collection: SNAPSHOTS,
  routedAs: 'snapshot',
  allTenantsAsked: snapshotsAllTenantsAsked,
  summary: snapshotSummary,
  markerRouted: true,
};
