import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerForward, segment } from '../../api/forwarding/caller-forward';
import { sendPodAnswer } from '../../api/forwarding/pod-answer';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { InPodCreation } from '../resources/in-pod-creation';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { volumeActionNameOf } from '../volumes/volume-action';
import { RestoreTargetInOtherPodError, restoredVolumeIdOf, restoreTargetOf } from './backup-restore';

/**
 * POST /volume/v3/backups/{id}/restore and /action. A restore without `volume_id` makes a new
 * volume in the backup's pod, routed there as a volume; one into an existing volume is an action on
 * the backup, allowed only when that volume is in the backup's pod. Actions (os-reset_status,
 * os-force_delete...) are recorded and forwarded to the backup's pod, which enforces who may.
 */
@Controller('volume/v3/backups/:backup_id')
@Policy('volume:volumes')
export class BackupActionsController {
  constructor(
    private readonly creation: InPodCreation,
    private readonly calls: VolumeResourceCalls,
  ) {}

  @Post('restore')
  @HttpCode(202)
  async restore(
    @Req() request: FastifyRequest,
    @Param('backup_id') id: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const path = `/backups/${segment(id)}/restore`;
    const targetId = restoreTargetOf(body);
    if (targetId === undefined) {
      const { answer } = await this.creation.create({
        request,
        context,
        kind: 'volume',
        parent: { kind: 'backup', id },
        path,
        bodyFor: () => body,
        createdIdOf: restoredVolumeIdOf,
      });
      return sendPodAnswer(reply, answer);
    }
    const call = { request, context, kind: 'backup' as const, id };
    const [backup, target] = await Promise.all([
      this.calls.locate(call),
      this.calls.locate({ context, kind: 'volume', id: targetId }),
    ]);
    if (backup.pod.podId !== target.pod.podId) throw new RestoreTargetInOtherPodError(id, targetId);
    const forward = callerForward(request, context, { method: 'POST', path, body, query: '' });
    return sendPodAnswer(reply, await this.calls.write(call, 'restore', forward, undefined, backup));
  }

  @Post('action')
  @HttpCode(202)
  async act(
    @Req() request: FastifyRequest,
    @Param('backup_id') id: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const action = volumeActionNameOf(body);
    const forward = callerForward(request, context, { method: 'POST', path: `/backups/${segment(id)}/action`, body, query: '' });
    return sendPodAnswer(reply, await this.calls.write({ request, context, kind: 'backup', id }, action, forward));
  }
}
