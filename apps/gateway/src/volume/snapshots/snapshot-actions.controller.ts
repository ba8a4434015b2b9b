import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerForward, segment } from '../../api/forwarding/caller-forward';
import { sendPodAnswer } from '../../api/forwarding/pod-answer';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { volumeActionNameOf } from '../volumes/volume-action';

/**
 * POST /volume/v3/snapshots/{id}/action: os-reset_status, os-update_snapshot_status,
 * os-force_delete, os-unmanage and whatever else the pod's Cinder has, recorded by the volumes
 * slice and forwarded to the snapshot's pod (which enforces the admin-only ones).
 */
@Controller('volume/v3/snapshots/:snapshot_id')
@Policy('volume:volumes')
export class SnapshotActionsController {
  constructor(private readonly calls: VolumeResourceCalls) {}

  @Post('action')
  @HttpCode(202)
  async act(
    @Req() request: FastifyRequest,
    @Param('snapshot_id') id: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const action = volumeActionNameOf(body);
    const forward = callerForward(request, context, {
      method: 'POST',
      path: `/snapshots/${segment(id)}/action`,
      body,
      query: '',
    });
    return sendPodAnswer(reply, await this.calls.write({ request, context, kind: 'snapshot', id }, action, forward));
  }
}
