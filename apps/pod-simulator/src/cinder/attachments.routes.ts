// /attachments of the simulated Cinder (microversion 3.27+, os-complete 3.44+): the attachment
// flow Nova uses today. Without a connector the volume is only "reserved"; an update with a
// connector returns connection info; os-complete makes it "in-use".
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isoMicrosNaive } from '../clock';
import { actionName, envelope, isObject, optionalString, requiredString } from '../http/body';
import { atLeast } from '../http/microversion';
import { badRequest, notFound } from '../http/openstack-error';
import { callerOf, microversionOf } from '../http/request-context';
import { newUuid } from '../ids';
import { releaseAttachment } from '../nova/volume-attach';
import { CinderContext, param } from './cinder-context';
import { CinderAttachment, VolumeRecord } from './volume.model';

const connectionInfo = (a: CinderAttachment) =>
  a.connector
    ? {
        driver_volume_type: 'iscsi',
        data: {
          target_iqn: `iqn.2010-10.org.openstack:volume-${a.volumeId}`,
          target_portal: '127.0.0.1:3260',
          target_lun: 1,
          access_mode: a.attachMode,
        },
        attachment_id: a.id,
      }
    : {};

function render(a: CinderAttachment, detail: boolean): Record<string, unknown> {
  const summary = { id: a.id, status: a.status, instance: a.instanceUuid, volume_id: a.volumeId };
  if (!detail) return summary;
  return {
    ...summary,
    attached_at: a.attachedAt === null ? null : isoMicrosNaive(a.attachedAt),
    detached_at: a.detachedAt === null ? null : isoMicrosNaive(a.detachedAt),
    attach_mode: a.attachMode,
    connection_info: connectionInfo(a),
  };
}

export function registerAttachmentRoutes(app: FastifyInstance, { pod }: CinderContext): void {
  const requireVersion = (request: FastifyRequest, version = '3.27') => {
    if (!atLeast(microversionOf(request), version)) throw notFound('The resource could not be found.');
  };
  const visibleVolumes = (request: FastifyRequest): VolumeRecord[] => {
    const caller = callerOf(request);
    return [...pod.cinder.volumes.values()].filter((v) => caller.isAdmin || v.projectId === caller.projectId);
  };
  const find = (request: FastifyRequest): { volume: VolumeRecord; attachment: CinderAttachment } => {
    requireVersion(request);
    const id = param(request, 'id');
    for (const volume of visibleVolumes(request)) {
      const attachment = volume.attachments.find((a) => a.id === id);
      if (attachment) return { volume, attachment };
    }
    throw notFound(`VolumeAttachment ${id} could not be found.`);
  };

  app.post('/attachments', async (request) => {
    requireVersion(request);
    const caller = callerOf(request);
    const body = envelope(request.body, 'attachment');
    const volume = pod.cinder.volume(requiredString(body, 'volume_uuid'), caller.projectId, caller.isAdmin);
    const ok =
      volume.status === 'available' || volume.status === 'reserved' || (volume.multiattach && volume.status === 'in-use');
    if (!ok)
      throw badRequest(
        `Invalid volume: Volume ${volume.id} status must be available or downloading to reserve, but the current status is ${volume.status}.`,
      );
    const connector = isObject(body.connector) ? body.connector : null;
    const attachment: CinderAttachment = {
      id: newUuid(),
      volumeId: volume.id,
      instanceUuid: optionalString(body, 'instance_uuid') ?? null,
      hostName: typeof connector?.host === 'string' ? connector.host : null,
      mountpoint: typeof connector?.mountpoint === 'string' ? connector.mountpoint : null,
      attachMode: body.mode === 'ro' ? 'ro' : 'rw',
      status: connector ? 'attaching' : 'reserved',
      connector,
      attachedAt: null,
      detachedAt: null,
    };
    volume.attachments.push(attachment);
    if (volume.status !== 'in-use') volume.status = connector ? 'attaching' : 'reserved';
    volume.updatedAt = pod.now();
    return { attachment: render(attachment, true) };
  });

  const list = (detail: boolean) => async (request: FastifyRequest) => {
    requireVersion(request);
    return {
      attachments: visibleVolumes(request)
        .flatMap((v) => v.attachments)
        .map((a) => render(a, detail)),
    };
  };
  app.get('/attachments', list(false));
  app.get('/attachments/detail', list(true));
  app.get('/attachments/:id', async (request) => ({ attachment: render(find(request).attachment, true) }));

  app.put('/attachments/:id', async (request) => {
    const { volume, attachment } = find(request);
    const body = envelope(request.body, 'attachment');
    if (!isObject(body.connector)) throw badRequest("Invalid input received: 'connector' is a required property");
    attachment.connector = body.connector;
    attachment.hostName = typeof body.connector.host === 'string' ? body.connector.host : attachment.hostName;
    attachment.mountpoint = typeof body.connector.mountpoint === 'string' ? body.connector.mountpoint : attachment.mountpoint;
    attachment.status = 'attaching';
    if (volume.status !== 'in-use') volume.status = 'attaching';
    volume.updatedAt = pod.now();
    return { attachment: render(attachment, true) };
  });

  app.post('/attachments/:id/action', async (request, reply) => {
    requireVersion(request, '3.44');
    const { volume, attachment } = find(request);
    if (actionName(request.body) !== 'os-complete') throw badRequest(`There is no such action: ${actionName(request.body)}`);
    attachment.status = 'attached';
    attachment.attachedAt = pod.now();
    volume.status = 'in-use';
    volume.attachStatus = 'attached';
    volume.updatedAt = pod.now();
    return reply.code(204).send();
  });

  app.delete('/attachments/:id', async (request) => {
    const { volume, attachment } = find(request);
    releaseAttachment(volume, attachment.id, pod.now());
    return { attachments: volume.attachments.map((a) => render(a, false)) };
  });
}
