// /backups of the simulated Cinder: create (the volume is "backing-up" meanwhile), list, show,
// update (3.9+), delete, restore (into a new or an existing volume), export_record and the admin actions.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isoMicrosNaive } from '../clock';
import {
  Json,
  envelope,
  isObject,
  optionalBool,
  optionalNullableString,
  optionalString,
  requiredString,
  stringMap,
} from '../http/body';
import { atLeast } from '../http/microversion';
import { OpenStackError, badRequest, forbidden } from '../http/openstack-error';
import { paginate, parsePage, sortItems } from '../http/pagination';
import { asQuery, queryOne } from '../http/query';
import { Caller, callerOf, microversionOf } from '../http/request-context';
import { newUuid } from '../ids';
import { PodState } from '../pod/pod-state';
import { runResourceAdminAction } from './resource-admin-action';
import { CinderContext, cinderView, param } from './cinder-context';
import { cinderCollection, countRequested } from './collection-view';
import { checkVolumeQuota, newVolumeRecord } from './volume-factory';
import { restingStatus, volumeTransition } from './volume-lifecycle';
import { parseCinderSort, scopeFilter } from './volume-list';
import { cinderLinks } from './volume-views';
import { BackupRecord, BackupStatus, VolumeRecord } from './volume.model';

function render(b: BackupRecord, request: FastifyRequest, pod: PodState, detail: boolean): Record<string, unknown> {
  const ctx = cinderView(request, pod);
  const summary = { id: b.id, links: cinderLinks(ctx, 'backups', b.id), name: b.name };
  if (!detail) return summary;
  const view: Record<string, unknown> = {
    ...summary,
    status: b.status,
    object_count: b.objectCount,
    container: b.container,
    description: b.description,
    availability_zone: b.az,
    created_at: isoMicrosNaive(b.createdAt),
    updated_at: isoMicrosNaive(b.updatedAt),
    has_dependent_backups: false,
    volume_id: b.volumeId,
    fail_reason: null,
    size: b.size,
    is_incremental: b.isIncremental,
    data_timestamp: isoMicrosNaive(b.dataTimestamp),
    snapshot_id: b.snapshotId,
  };
  const version = microversionOf(request);
  if (atLeast(version, '3.18') && ctx.isAdmin) view['os-backup-project-attr:project_id'] = b.projectId;
  if (atLeast(version, '3.43')) view.metadata = { ...b.metadata };
  if (atLeast(version, '3.56')) view.user_id = b.userId;
  return view;
}

function newBackupRecord(pod: PodState, caller: Caller, volume: VolumeRecord, body: Json): BackupRecord {
  const now = pod.now();
  return {
    id: newUuid(),
    volumeId: volume.id,
    snapshotId: optionalString(body, 'snapshot_id') ?? null,
    name: optionalNullableString(body, 'name') ?? null,
    description: optionalNullableString(body, 'description') ?? null,
    status: 'creating',
    size: volume.size,
    projectId: volume.projectId,
    userId: caller.userId,
    az: pod.config.az,
    container: optionalString(body, 'container') ?? 'volumebackups',
    objectCount: 0,
    isIncremental: optionalBool(body, 'incremental') ?? false,
    metadata: body.metadata === undefined ? {} : stringMap(body.metadata, 'metadata'),
    createdAt: now,
    updatedAt: now,
    dataTimestamp: now,
  };
}

/** An existing available volume big enough, or a new one of the backup's size. */
function restoreTarget(pod: PodState, caller: Caller, backup: BackupRecord, body: Json): VolumeRecord {
  const targetId = optionalString(body, 'volume_id');
  if (!targetId) {
    checkVolumeQuota(pod, caller.projectId, backup.size);
    return newVolumeRecord(pod, caller, {
      size: backup.size,
      name: optionalNullableString(body, 'name') ?? `restore_backup_${backup.id}`,
    });
  }
  const volume = pod.cinder.volume(targetId, caller.projectId, caller.isAdmin);
  if (volume.status !== 'available') throw badRequest(`Invalid volume: Volume to be restored to must be available`);
  if (volume.size < backup.size) {
    throw badRequest(`Invalid volume: volume size ${volume.size} is too small to restore backup of size ${backup.size}.`);
  }
  return volume;
}

function backupLater(pod: PodState, b: BackupRecord, during: BackupStatus, done: (at: number) => void): void {
  b.status = during;
  b.updatedAt = pod.now();
  pod.later(`backup:${b.id}`, pod.config.delays.volumeMs, done);
}

/** os-force_delete and os-reset_status, admin only. */
function backupAdminAction(pod: PodState, request: FastifyRequest, backup: BackupRecord): void {
  runResourceAdminAction<BackupStatus>(request, {
    policy: 'backup_admin_actions',
    resetStatuses: ['available', 'error'],
    forceDelete: () => backupLater(pod, backup, 'deleting', () => pod.cinder.backups.delete(backup.id)),
    resetStatus: (status) => {
      pod.transitions.cancel(`backup:${backup.id}`);
      backup.status = status;
    },
  });
}

export function registerBackupRoutes(app: FastifyInstance, { pod }: CinderContext): void {
  const find = (request: FastifyRequest) => {
    const caller = callerOf(request);
    return pod.cinder.backup(param(request, 'id'), caller.projectId, caller.isAdmin);
  };
  const later = (b: BackupRecord, during: BackupStatus, done: (at: number) => void) => backupLater(pod, b, during, done);

  app.post('/backups', async (request, reply) => {
    const caller = callerOf(request);
    const body = envelope(request.body, 'backup');
    const volume = pod.cinder.volume(requiredString(body, 'volume_id'), caller.projectId, caller.isAdmin);
    const force = optionalBool(body, 'force') ?? false;
    if (volume.status !== 'available' && !(force && volume.status === 'in-use')) {
      throw badRequest(
        `Invalid volume: Volume to be backed up must be available or in-use, but the current status is "${volume.status}".`,
      );
    }
    const count = [...pod.cinder.backups.values()].filter((b) => b.projectId === caller.projectId).length;
    if (count >= pod.config.volumeQuotas.backups)
      throw new OpenStackError(413, `Maximum number of backups allowed (${pod.config.volumeQuotas.backups}) exceeded`);
    const backup = newBackupRecord(pod, caller, volume, body);
    pod.cinder.backups.set(backup.id, backup);
    const before = volume.status;
    volumeTransition(pod, volume, 'backing-up', before === 'in-use' ? restingStatus : 'available');
    later(backup, 'creating', (at) =>
      Object.assign(backup, { status: 'available', objectCount: volume.size * 2, updatedAt: at }),
    );
    reply.code(202);
    return { backup: render(backup, request, pod, false) };
  });

  const list = (detail: boolean) => async (request: FastifyRequest) => {
    const query = asQuery(request.query);
    const inScope = scopeFilter(query, callerOf(request));
    const volumeId = queryOne(query, 'volume_id');
    const matching = [...pod.cinder.backups.values()].filter(
      (b) => inScope(b.projectId) && (volumeId === undefined || b.volumeId === volumeId),
    );
    const sorted = sortItems(matching, parseCinderSort(query, ['created_at', 'id', 'name', 'status', 'size']), (b, key) =>
      key === 'created_at' ? b.createdAt : (b as unknown as Record<string, string>)[key],
    );
    const pageRequest = parsePage(query, 1000);
    const page = paginate(sorted, pageRequest, (marker) => badRequest(`Invalid input received: marker [${marker}] not found`));
    return cinderCollection(request, 'backups', {
      items: page.items,
      rendered: page.items.map((b) => render(b, request, pod, detail)),
      limit: pageRequest.limit,
      count: countRequested(request, query) ? matching.length : undefined,
    });
  };
  app.get('/backups', list(false));
  app.get('/backups/detail', list(true));
  app.get('/backups/:id', async (request) => ({ backup: render(find(request), request, pod, true) }));

  app.put('/backups/:id', async (request) => {
    if (!atLeast(microversionOf(request), '3.9')) throw badRequest('Backup update needs microversion 3.9');
    const backup = find(request);
    const body = envelope(request.body, 'backup');
    if (body.name !== undefined) backup.name = optionalNullableString(body, 'name') ?? null;
    if (body.description !== undefined) backup.description = optionalNullableString(body, 'description') ?? null;
    if (body.metadata !== undefined) backup.metadata = stringMap(body.metadata, 'metadata');
    backup.updatedAt = pod.now();
    return { backup: render(backup, request, pod, false) };
  });

  app.delete('/backups/:id', async (request, reply) => {
    const backup = find(request);
    if (backup.status !== 'available' && backup.status !== 'error')
      throw badRequest('Invalid backup: Backup status must be available or error');
    later(backup, 'deleting', () => pod.cinder.backups.delete(backup.id));
    return reply.code(202).send();
  });

  app.post('/backups/:id/restore', async (request, reply) => {
    const caller = callerOf(request);
    const backup = find(request);
    if (backup.status !== 'available') throw badRequest('Invalid backup: Backup status must be available');
    const body = isObject(request.body) && isObject(request.body.restore) ? request.body.restore : {};
    const volume = restoreTarget(pod, caller, backup, body);
    volumeTransition(pod, volume, 'restoring-backup', 'available');
    later(backup, 'restoring', (at) => Object.assign(backup, { status: 'available', updatedAt: at }));
    reply.code(202);
    return { restore: { backup_id: backup.id, volume_id: volume.id, volume_name: volume.name } };
  });

  // Cinder's backup:export-import is admin only; the record is opaque to everyone but this pod.
  app.get('/backups/:id/export_record', async (request) => {
    if (!callerOf(request).isAdmin) throw forbidden("Policy doesn't allow backup:export-import to be performed.");
    const backup = find(request);
    if (backup.status !== 'available') throw badRequest('Invalid backup: Backup status must be available and not restoring.');
    const url = Buffer.from(JSON.stringify({ id: backup.id, volume_id: backup.volumeId })).toString('base64');
    return { 'backup-record': { backup_service: 'cinder.backup.drivers.swift.SwiftBackupDriver', backup_url: url } };
  });

  app.post('/backups/:id/action', async (request, reply) => {
    backupAdminAction(pod, request, find(request));
    return reply.code(202).send();
  });
}
