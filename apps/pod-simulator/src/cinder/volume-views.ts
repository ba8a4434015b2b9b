// Cinder v3 views of volumes, attachments and types, per microversion and role (checked against
// Tempest's volume response schemas).
import type { FastifyRequest } from 'fastify';
import { isoMicrosNaive } from '../clock';
import { Link, hostUrl } from '../http/links';
import { ApiVersion, atLeast } from '../http/microversion';
import { PodState } from '../pod/pod-state';
import { CinderAttachment, VolumeRecord, VolumeType } from './volume.model';

export interface CinderViewContext {
  request: FastifyRequest;
  version: ApiVersion;
  isAdmin: boolean;
  projectId: string;
  pod: PodState;
}

export function cinderLinks(ctx: CinderViewContext, collection: string, id: string): Link[] {
  const base = hostUrl(ctx.request);
  return [
    { rel: 'self', href: `${base}/volume/v3/${ctx.projectId}/${collection}/${id}` },
    { rel: 'bookmark', href: `${base}/volume/${ctx.projectId}/${collection}/${id}` },
  ];
}

export const renderVolumeSummary = (v: VolumeRecord, ctx: CinderViewContext) => ({
  id: v.id,
  links: cinderLinks(ctx, 'volumes', v.id),
  name: v.name,
});

const attachmentView = (a: CinderAttachment) => ({
  server_id: a.instanceUuid,
  attachment_id: a.id,
  attached_at: a.attachedAt === null ? null : isoMicrosNaive(a.attachedAt),
  host_name: a.hostName,
  volume_id: a.volumeId,
  device: a.mountpoint,
  id: a.volumeId,
});

/**
 * `extensions: false` is the create answer: real Cinder adds the tenant, host and migration
 * attributes in API extensions that decorate show and list only (found by the differential test).
 */
export function renderVolumeDetail(v: VolumeRecord, ctx: CinderViewContext, { extensions = true } = {}): Record<string, unknown> {
  const type = ctx.pod.cinder.types.get(v.volumeTypeId);
  const view: Record<string, unknown> = {
    id: v.id,
    name: v.name,
    description: v.description,
    status: v.status,
    size: v.size,
    availability_zone: v.az,
    created_at: isoMicrosNaive(v.createdAt),
    updated_at: isoMicrosNaive(v.updatedAt),
    volume_type: type?.name ?? null,
    snapshot_id: v.snapshotId,
    source_volid: v.sourceVolid,
    metadata: { ...v.metadata },
    links: cinderLinks(ctx, 'volumes', v.id),
    user_id: v.userId,
    bootable: String(v.bootable),
    encrypted: false,
    attachments: v.attachments.filter((a) => a.status === 'attached').map(attachmentView),
    replication_status: 'disabled',
    consistencygroup_id: null,
    multiattach: v.multiattach,
  };
  if (extensions) view['os-vol-tenant-attr:tenant_id'] = v.projectId;
  if (v.imageMetadata) view.volume_image_metadata = { ...v.imageMetadata };
  if (ctx.isAdmin) view.migration_status = v.migrationStatus;
  if (ctx.isAdmin && extensions) {
    Object.assign(view, {
      'os-vol-host-attr:host': v.host,
      'os-vol-mig-status-attr:migstat': v.migrationStatus,
      'os-vol-mig-status-attr:name_id': null,
    });
  }
  addVersionedVolumeFields(view, v, ctx);
  return view;
}

function addVersionedVolumeFields(view: Record<string, unknown>, v: VolumeRecord, ctx: CinderViewContext): void {
  const at = (required: string) => atLeast(ctx.version, required);
  if (at('3.13')) view.group_id = null;
  if (at('3.21') && ctx.isAdmin) view.provider_id = null;
  if (at('3.48')) {
    view.shared_targets = false;
    if (ctx.isAdmin) view.service_uuid = null;
  }
  if (at('3.61') && ctx.isAdmin) view.cluster_name = null;
  if (at('3.63')) view.volume_type_id = v.volumeTypeId;
  if (at('3.64')) view.encryption_key_id = null;
  if (at('3.65')) view.consumes_quota = true;
}

export function renderVolumeType(t: VolumeType, isAdmin: boolean): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: t.id,
    name: t.name,
    description: t.description,
    is_public: t.isPublic,
    'os-volume-type-access:is_public': t.isPublic,
  };
  if (isAdmin) Object.assign(view, { extra_specs: { ...t.extraSpecs }, qos_specs_id: null });
  return view;
}
