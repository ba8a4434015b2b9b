import type { QueryPairs } from '../../api/links';
import type { CinderCollection } from '../listing/cinder-collection';
import { AttachmentNotFoundError } from './attachment.errors';

type Json = Record<string, unknown>;

/** Attachment create, show, list, update, delete came with 3.27 (NEW_ATTACH); os-complete with 3.44. */
export const ATTACHMENTS_VERSION = '3.27';
export const ATTACHMENT_COMPLETE_VERSION = '3.44';

/** The columns an attachment body shows (no created_at or updated_at: those are hidden). */
const ATTACHMENT_FIELDS: Readonly<Record<string, string>> = {
  id: 'id',
  volume_id: 'volume_id',
  instance_uuid: 'instance',
  attach_status: 'status',
  attach_mode: 'attach_mode',
};

/**
 * Attachments as the merged list sees them (v3/views/attachments.py). Cinder sorts them by
 * created_at first, which no attachment body shows: the merge then keeps each pod's own order and
 * the pods' registration order (see sortValuesOf). Cinder gives these lists no `_links`.
 */
export const ATTACHMENTS: CinderCollection = {
  name: 'attachments',
  itemKey: 'attachment',
  pagedByLinks: false,
  /** Cinder's 404 for a marker it cannot find (VolumeAttachmentNotFound from its db layer's get of the marker). */
  markerNotFound: (markerId) => new AttachmentNotFoundError(markerId),
  fieldOfSortKey: (key) => (Object.hasOwn(ATTACHMENT_FIELDS, key) ? ATTACHMENT_FIELDS[key] : undefined),
};

/** Cinder's summary view of an attachment: id, status, instance, volume_id. */
export const attachmentSummary = (a: Json): Json => ({
  id: a.id,
  status: a.status,
  instance: a.instance,
  volume_id: a.volume_id,
});

/** v3/attachments.py _items: an admin's `all_tenants`, whatever its value, lists every project's. */
export const attachmentsAllTenantsAsked = (pairs: QueryPairs): boolean => pairs.some(([name]) => name === 'all_tenants');
