// /servers/{id}/os-volume_attachments of the simulated Nova (the Cinder side changes with it).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { envelope, optionalBool, optionalNullableString, optionalString, requiredString } from '../http/body';
import { ApiVersion, atLeast } from '../http/microversion';
import { badRequest, notFound } from '../http/openstack-error';
import { callerOf, microversionOf } from '../http/request-context';
import { NovaContext, param } from './nova-context';
import { checkServerAction } from './server-state-machine';
import { ServerRecord, ServerVolumeAttachment } from './server.model';
import { attachVolume, detachVolume } from './volume-attach';

function view(a: ServerVolumeAttachment, server: ServerRecord, version: ApiVersion): Record<string, unknown> {
  const result: Record<string, unknown> = { device: a.device, serverId: server.id, volumeId: a.volumeId };
  // 2.89 replaced the confusing `id` (= volume id) with the real attachment ids.
  if (atLeast(version, '2.89')) Object.assign(result, { attachment_id: a.attachmentId, bdm_uuid: a.bdmUuid });
  else result.id = a.volumeId;
  if (atLeast(version, '2.70')) result.tag = a.tag;
  if (atLeast(version, '2.79')) result.delete_on_termination = a.deleteOnTermination;
  return result;
}

export function registerVolumeAttachmentRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  const serverOf = (request: FastifyRequest) => pod.nova.server(param(request, 'id'), callerOf(request));
  const attachmentOf = (server: ServerRecord, volumeId: string) => {
    const found = server.volumeAttachments.find((a) => a.volumeId === volumeId);
    if (!found) throw notFound(`Volume ${volumeId} is not attached to instance ${server.id}.`);
    return found;
  };

  app.get('/servers/:id/os-volume_attachments', async (request) => {
    const server = serverOf(request);
    return { volumeAttachments: server.volumeAttachments.map((a) => view(a, server, microversionOf(request))) };
  });

  app.get('/servers/:id/os-volume_attachments/:volume', async (request) => {
    const server = serverOf(request);
    return { volumeAttachment: view(attachmentOf(server, param(request, 'volume')), server, microversionOf(request)) };
  });

  app.post('/servers/:id/os-volume_attachments', async (request) => {
    const caller = callerOf(request);
    const version = microversionOf(request);
    const server = serverOf(request);
    const body = envelope(request.body, 'volumeAttachment');
    const volumeId = requiredString(body, 'volumeId');
    const volume = pod.cinder.volumes.get(volumeId);
    if (!volume || !(caller.isAdmin || volume.projectId === caller.projectId))
      throw notFound(`Volume ${volumeId} could not be found.`);
    checkServerAction(server, 'attachVolume', caller.isAdmin);
    const attachment = attachVolume(pod, server, volume, {
      device: optionalString(body, 'device'),
      tag: atLeast(version, '2.49') ? (optionalNullableString(body, 'tag') ?? null) : null,
      deleteOnTermination: atLeast(version, '2.79') ? (optionalBool(body, 'delete_on_termination') ?? false) : false,
    });
    return { volumeAttachment: view(attachment, server, version) };
  });

  /** 2.85+ lets the owner change delete_on_termination; swapping volumes is not simulated. */
  app.put('/servers/:id/os-volume_attachments/:volume', async (request, reply) => {
    const server = serverOf(request);
    const attachment = attachmentOf(server, param(request, 'volume'));
    const body = envelope(request.body, 'volumeAttachment');
    if (body.volumeId !== attachment.volumeId)
      throw badRequest('The pod simulator does not swap volumes (volumeId must stay the same).');
    const flag = optionalBool(body, 'delete_on_termination');
    if (flag !== undefined && atLeast(microversionOf(request), '2.85')) attachment.deleteOnTermination = flag;
    return reply.code(202).send();
  });

  app.delete('/servers/:id/os-volume_attachments/:volume', async (request, reply) => {
    const server = serverOf(request);
    const attachment = attachmentOf(server, param(request, 'volume'));
    checkServerAction(server, 'detachVolume', callerOf(request).isAdmin);
    // Nova refuses to detach the root volume of a boot-from-volume server.
    if (attachment.device === '/dev/vda' && server.imageId === null) throw badRequest(`Cannot detach a root device volume`);
    detachVolume(pod, server, attachment);
    return reply.code(202).send();
  });
}
