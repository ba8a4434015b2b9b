// /snapshots of the simulated Cinder: create (creating -> available), list, show, update, delete,
// metadata and the admin actions os-reset_status / os-force_delete.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isoMicrosNaive } from '../clock';
import { envelope, optionalBool, optionalNullableString, requiredString, stringMap } from '../http/body';
import { atLeast } from '../http/microversion';
import { OpenStackError, badRequest } from '../http/openstack-error';
import { paginate, parsePage, sortItems } from '../http/pagination';
import { asQuery, queryOne } from '../http/query';
import { callerOf, microversionOf } from '../http/request-context';
import { newUuid } from '../ids';
import { PodState } from '../pod/pod-state';
import { runResourceAdminAction } from './resource-admin-action';
import { CinderContext, param } from './cinder-context';
import { cinderCollection, countRequested } from './collection-view';
import { registerMetadataRoutes } from './metadata.routes';
import { metadataFilter, parseCinderSort, scopeFilter } from './volume-list';
import { SnapshotRecord, SnapshotStatus } from './volume.model';

function render(s: SnapshotRecord, request: FastifyRequest, detail: boolean): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: s.id,
    volume_id: s.volumeId,
    name: s.name,
    description: s.description,
    status: s.status,
    size: s.size,
    metadata: { ...s.metadata },
    created_at: isoMicrosNaive(s.createdAt),
    updated_at: isoMicrosNaive(s.updatedAt),
  };
  const version = microversionOf(request);
  if (detail)
    Object.assign(view, {
      'os-extended-snapshot-attributes:progress': s.status === 'available' ? '100%' : '0%',
      'os-extended-snapshot-attributes:project_id': s.projectId,
    });
  if (atLeast(version, '3.14')) view.group_snapshot_id = null;
  if (atLeast(version, '3.41')) view.user_id = s.userId;
  if (atLeast(version, '3.65')) view.consumes_quota = true;
  return view;
}

function settleLater(pod: PodState, s: SnapshotRecord, during: SnapshotStatus, done: (at: number) => void): void {
  s.status = during;
  s.updatedAt = pod.now();
  pod.later(`snapshot:${s.id}`, pod.config.delays.volumeMs, done);
}

/** A snapshot needs an available volume (or in-use with force) and room in the snapshots quota. */
function createSnapshot(pod: PodState, request: FastifyRequest): SnapshotRecord {
  const caller = callerOf(request);
  const body = envelope(request.body, 'snapshot');
  const volume = pod.cinder.volume(requiredString(body, 'volume_id'), caller.projectId, caller.isAdmin);
  const force = optionalBool(body, 'force') ?? false;
  if (volume.status !== 'available' && !(force && volume.status === 'in-use')) {
    throw badRequest(`Invalid volume: Volume ${volume.id} status must be available, but current status is: ${volume.status}.`);
  }
  const count = [...pod.cinder.snapshots.values()].filter((s) => s.projectId === caller.projectId).length;
  if (count >= pod.config.volumeQuotas.snapshots)
    throw new OpenStackError(413, `Maximum number of snapshots allowed (${pod.config.volumeQuotas.snapshots}) exceeded`);
  const now = pod.now();
  const snapshot: SnapshotRecord = {
    id: newUuid(),
    volumeId: volume.id,
    name: optionalNullableString(body, 'name') ?? null,
    description: optionalNullableString(body, 'description') ?? null,
    status: 'creating',
    size: volume.size,
    projectId: volume.projectId,
    userId: caller.userId,
    metadata: body.metadata === undefined ? {} : stringMap(body.metadata, 'metadata'),
    createdAt: now,
    updatedAt: now,
  };
  pod.cinder.snapshots.set(snapshot.id, snapshot);
  settleLater(pod, snapshot, 'creating', (at) => Object.assign(snapshot, { status: 'available', updatedAt: at }));
  return snapshot;
}

/** os-force_delete and os-reset_status, admin only. */
function snapshotAdminAction(pod: PodState, request: FastifyRequest, snapshot: SnapshotRecord): void {
  runResourceAdminAction<SnapshotStatus>(request, {
    policy: 'snapshot_admin_actions',
    resetStatuses: ['available', 'error', 'creating', 'deleting', 'error_deleting'],
    forceDelete: () => settleLater(pod, snapshot, 'deleting', () => pod.cinder.snapshots.delete(snapshot.id)),
    resetStatus: (status) => {
      pod.transitions.cancel(`snapshot:${snapshot.id}`);
      snapshot.status = status;
    },
  });
}

export function registerSnapshotRoutes(app: FastifyInstance, { pod }: CinderContext): void {
  const find = (request: FastifyRequest) => {
    const caller = callerOf(request);
    return pod.cinder.snapshot(param(request, 'id'), caller.projectId, caller.isAdmin);
  };

  app.post('/snapshots', async (request, reply) => {
    const snapshot = createSnapshot(pod, request);
    reply.code(202);
    return { snapshot: render(snapshot, request, false) };
  });

  const list = (detail: boolean) => async (request: FastifyRequest) => {
    const query = asQuery(request.query);
    const inScope = scopeFilter(query, callerOf(request));
    const volumeId = queryOne(query, 'volume_id');
    const status = queryOne(query, 'status');
    // Cinder reads a snapshot list's `metadata` filter from 3.22 (SNAPSHOT_LIST_METADATA_FILTER) and drops it below.
    const hasMetadata = atLeast(microversionOf(request), '3.22') ? metadataFilter(query) : () => true;
    const matching = [...pod.cinder.snapshots.values()].filter(
      (s) =>
        inScope(s.projectId) &&
        (volumeId === undefined || s.volumeId === volumeId) &&
        (status === undefined || s.status === status) &&
        hasMetadata(s.metadata),
    );
    const sorted = sortItems(matching, parseCinderSort(query, ['created_at', 'id', 'name', 'status', 'size']), (s, key) =>
      key === 'created_at' ? s.createdAt : (s as unknown as Record<string, string>)[key],
    );
    const pageRequest = parsePage(query, 1000);
    const page = paginate(sorted, pageRequest, (marker) => badRequest(`Invalid input received: marker [${marker}] not found`));
    return cinderCollection(request, 'snapshots', {
      items: page.items,
      rendered: page.items.map((s) => render(s, request, detail)),
      limit: pageRequest.limit,
      count: countRequested(request, query) ? matching.length : undefined,
    });
  };
  app.get('/snapshots', list(false));
  app.get('/snapshots/detail', list(true));
  app.get('/snapshots/:id', async (request) => ({ snapshot: render(find(request), request, true) }));

  app.put('/snapshots/:id', async (request) => {
    const snapshot = find(request);
    const body = envelope(request.body, 'snapshot');
    if (body.name !== undefined) snapshot.name = optionalNullableString(body, 'name') ?? null;
    if (body.description !== undefined) snapshot.description = optionalNullableString(body, 'description') ?? null;
    snapshot.updatedAt = pod.now();
    return { snapshot: render(snapshot, request, false) };
  });

  app.delete('/snapshots/:id', async (request, reply) => {
    const snapshot = find(request);
    if (snapshot.status !== 'available' && snapshot.status !== 'error') {
      throw badRequest(`Invalid snapshot: Volume Snapshot status must be available or error and must not be part of a group.`);
    }
    settleLater(pod, snapshot, 'deleting', () => pod.cinder.snapshots.delete(snapshot.id));
    return reply.code(202).send();
  });

  registerMetadataRoutes(app, { path: '/snapshots/:id', noun: 'Snapshot', find, now: () => pod.now() });

  app.post('/snapshots/:id/action', async (request, reply) => {
    snapshotAdminAction(pod, request, find(request));
    return reply.code(202).send();
  });
}
