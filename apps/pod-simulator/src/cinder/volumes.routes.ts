// /volumes of the simulated Cinder: create, list (summary and detail), summary (3.12+), show, update, delete.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { envelope, optionalBool, optionalInt, optionalNullableString, optionalString, stringMap } from '../http/body';
import { atLeast } from '../http/microversion';
import { badRequest, notFound } from '../http/openstack-error';
import { asQuery, queryBool } from '../http/query';
import { callerOf, microversionOf } from '../http/request-context';
import { CinderContext, cinderView, param } from './cinder-context';
import { cinderCollection, countRequested } from './collection-view';
import { checkVolumeQuota, newVolumeRecord } from './volume-factory';
import { DELETABLE, DELETE_REFUSED, deleteVolumeLater, volumeTransition } from './volume-lifecycle';
import { listVolumes, volumeSummary } from './volume-list';
import { renderVolumeDetail, renderVolumeSummary } from './volume-views';

export function registerVolumeRoutes(app: FastifyInstance, { pod }: CinderContext): void {
  app.post('/volumes', async (request, reply) => {
    const caller = callerOf(request);
    const body = envelope(request.body, 'volume');
    const snapshotId = optionalString(body, 'snapshot_id');
    const sourceVolid = optionalString(body, 'source_volid');
    const imageId = optionalString(body, 'imageRef') ?? optionalString(body, 'image_id');
    const snapshot = snapshotId ? pod.cinder.snapshot(snapshotId, caller.projectId, caller.isAdmin) : undefined;
    const source = sourceVolid ? pod.cinder.volume(sourceVolid, caller.projectId, caller.isAdmin) : undefined;
    if (imageId && !pod.images.find(imageId, caller.projectId, caller.isAdmin))
      throw badRequest(`Invalid image identifier or unable to access requested image.`);
    const size = optionalInt(body, 'size', 1) ?? snapshot?.size ?? source?.size;
    if (size === undefined) throw badRequest("Invalid input received: 'size' is a required property");
    if (size < (snapshot?.size ?? source?.size ?? 1))
      throw badRequest(`Invalid input received: Volume size '${size}' must be an integer and greater than 0`);
    const az = optionalString(body, 'availability_zone');
    if (az !== undefined && az !== pod.config.az)
      throw badRequest(`Invalid input received: Availability zone '${az}' is invalid.`);
    const typeRef = optionalString(body, 'volume_type');
    const type = typeRef ? pod.cinder.typeByNameOrId(typeRef) : source ? pod.cinder.types.get(source.volumeTypeId) : undefined;
    if (typeRef && !type) throw notFound(`Volume type with name ${typeRef} could not be found.`);
    checkVolumeQuota(pod, caller.projectId, size);
    const volume = newVolumeRecord(pod, caller, {
      size,
      name: optionalNullableString(body, 'name'),
      description: optionalNullableString(body, 'description'),
      type,
      metadata: body.metadata === undefined ? {} : stringMap(body.metadata, 'metadata'),
      snapshotId: snapshot?.id ?? null,
      sourceVolid: source?.id ?? null,
      imageId: imageId ?? null,
      multiattach: optionalBool(body, 'multiattach') ?? type?.extraSpecs.multiattach === '<is> True',
    });
    volumeTransition(pod, volume, 'creating', 'available');
    reply.code(202);
    return { volume: renderVolumeDetail(volume, cinderView(request, pod), { extensions: false }) };
  });

  const list = (detail: boolean) => async (request: FastifyRequest) => {
    const query = asQuery(request.query);
    const page = listVolumes(pod, query, callerOf(request));
    const view = cinderView(request, pod);
    return cinderCollection(request, 'volumes', {
      items: page.items,
      rendered: page.items.map((v) => (detail ? renderVolumeDetail(v, view) : renderVolumeSummary(v, view))),
      limit: page.limit,
      count: countRequested(request, query) ? page.count : undefined,
    });
  };
  app.get('/volumes', list(false));
  app.get('/volumes/detail', list(true));

  // A static route: find-my-way prefers it to `/volumes/:id` whatever the registration order, as
  // Cinder's router tries collection routes before member ones. Below 3.12 the method is unversioned
  // away, which Cinder answers with a bare 404 (not "Volume summary could not be found.").
  app.get('/volumes/summary', async (request) => {
    if (!atLeast(microversionOf(request), '3.12')) throw notFound('The resource could not be found.');
    const summary = volumeSummary(pod, asQuery(request.query), callerOf(request));
    const body: Record<string, unknown> = { total_size: summary.totalSize, total_count: summary.totalCount };
    if (atLeast(microversionOf(request), '3.36')) body.metadata = summary.metadata;
    return { 'volume-summary': body };
  });

  app.get('/volumes/:id', async (request) => {
    const caller = callerOf(request);
    return {
      volume: renderVolumeDetail(
        pod.cinder.volume(param(request, 'id'), caller.projectId, caller.isAdmin),
        cinderView(request, pod),
      ),
    };
  });

  app.put('/volumes/:id', async (request) => {
    const caller = callerOf(request);
    const volume = pod.cinder.volume(param(request, 'id'), caller.projectId, caller.isAdmin);
    const body = envelope(request.body, 'volume');
    // Cinder still takes the v1 keys here, and `openstack volume set --name/--description` sends them.
    for (const [key, legacy] of [
      ['name', 'display_name'],
      ['description', 'display_description'],
    ] as const) {
      const given = body[key] !== undefined ? key : body[legacy] !== undefined ? legacy : undefined;
      if (given) volume[key] = optionalNullableString(body, given) ?? null;
    }
    if (body.metadata !== undefined) volume.metadata = stringMap(body.metadata, 'metadata');
    volume.updatedAt = pod.now();
    return { volume: renderVolumeDetail(volume, cinderView(request, pod)) };
  });

  app.delete('/volumes/:id', async (request, reply) => {
    const caller = callerOf(request);
    const volume = pod.cinder.volume(param(request, 'id'), caller.projectId, caller.isAdmin);
    const cascade = queryBool(asQuery(request.query), 'cascade') ?? false;
    const snapshots = [...pod.cinder.snapshots.values()].filter((s) => s.volumeId === volume.id);
    if (!DELETABLE.includes(volume.status) || volume.attachments.length > 0 || (snapshots.length > 0 && !cascade))
      throw badRequest(DELETE_REFUSED);
    for (const s of snapshots) pod.cinder.snapshots.delete(s.id);
    deleteVolumeLater(pod, volume);
    return reply.code(202).send();
  });
}
