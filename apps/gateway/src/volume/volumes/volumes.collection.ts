import { VolumeResourceNotFoundError } from '@podgate/volumes';
import { withHiddenTag } from '../../api/provisioning-tag';
import { type CinderCollection, fieldsOf } from '../listing/cinder-collection';

type Json = Record<string, unknown>;

/**
 * Volumes as the merged list sees them: where each Cinder sort column shows in a volume body
 * (views/volumes.py detail). volume_type is left out: a body names the type, the pods sort by
 * their own type ids. podgate's provisioning tag is out of every volume's metadata.
 */
export const VOLUMES: CinderCollection = {
  name: 'volumes',
  itemKey: 'volume',
  pagedByLinks: true,
  counted: true,
  markerNotFound: (markerId) => new VolumeResourceNotFoundError('volume', markerId),
  fieldOfSortKey: fieldsOf({
    availability_zone: 'availability_zone',
    bootable: 'bootable',
    project_id: 'os-vol-tenant-attr:tenant_id',
    user_id: 'user_id',
    host: 'os-vol-host-attr:host',
    migration_status: 'os-vol-mig-status-attr:migstat',
    multiattach: 'multiattach',
    snapshot_id: 'snapshot_id',
    source_volid: 'source_volid',
    consistencygroup_id: 'consistencygroup_id',
    group_id: 'group_id',
    replication_status: 'replication_status',
    encrypted: 'encrypted',
  }),
  viewItem: withHiddenTag,
};

/** Cinder's summary view of a volume: id, name, links. */
export const volumeSummary = (volume: Json): Json => ({ id: volume.id, name: volume.name, links: volume.links });
