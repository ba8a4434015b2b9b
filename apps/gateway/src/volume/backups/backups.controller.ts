import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type PodAnswer, sendPodAnswer } from '../../api/forwarding/pod-answer';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { podAzOf } from '../az-translation';
import { CinderLister } from '../listing/cinder-lister';
import { ChildResourceCollectionController } from '../resources/child-resource-collection.controller';
import { InPodCreation } from '../resources/in-pod-creation';
import { parentIdOf, UUID } from '../resources/parent-id';
import { resourcePath, VolumeResourceCalls } from '../resources/volume-resource-calls';
import { BackupImportUnsupportedError } from './backup-restore';
import { BACKUP_LISTING } from './backups.collection';

type Json = Record<string, unknown>;

/** Backup update (name, description; metadata from 3.43) came with 3.9. */
const BACKUP_UPDATE_VERSION = '3.9';

/**
 * /volume/v3/backups: Cinder's backups over the pods. A backup is made in its volume's pod and
 * routed there; lists merge every pod holding the caller's backups; show, update, delete and
 * export_record go to the backup's own pod. Restores and actions: BackupActionsController.
 */
@Controller('volume/v3/backups')
@Policy('volume:volumes')
export class BackupsController extends ChildResourceCollectionController({
  kind: 'backup',
  updateSince: BACKUP_UPDATE_VERSION,
  listing: BACKUP_LISTING,
}) {
  constructor(
    private readonly creation: InPodCreation,
    protected readonly lister: CinderLister,
    protected readonly calls: VolumeResourceCalls,
  ) {
    super();
  }

  async createAnswer(request: FastifyRequest, body: unknown, context: RequestContext): Promise<PodAnswer> {
    const volumeId = parentIdOf(body, 'backup', 'volume_id', UUID);
    const { answer } = await this.creation.create({
      request,
      context,
      kind: 'backup',
      parent: { kind: 'volume', id: volumeId },
      path: '/backups',
      // 3.51+: the backup service's AZ, named as podgate names the pod's.
      bodyFor: (pod) => {
        const backup = (body as { backup: Json }).backup;
        if (backup.availability_zone === undefined) return body;
        return { ...(body as Json), backup: { ...backup, availability_zone: podAzOf(backup.availability_zone, pod) } };
      },
    });
    return answer;
  }

  /** Refused, see BackupImportUnsupportedError (it is the one backup create without a volume to follow). */
  @Post('import_record')
  importRecord(): never {
    throw new BackupImportUnsupportedError();
  }

  @Get(':backup_id/export_record')
  async exportRecord(
    @Req() request: FastifyRequest,
    @Param('backup_id') id: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const path = `${resourcePath('backup', id)}/export_record`;
    return sendPodAnswer(reply, await this.calls.read({ request, context, kind: 'backup', id }, path, (body) => body));
  }
}
