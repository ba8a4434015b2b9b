import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { tenantScopeOf } from '@podgate/routed-resources';
import type { SqlClient } from '@podgate/sql';
import { resourcePath } from '@podgate/volumes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerForward } from '../../api/forwarding/caller-forward';
import { sendPodAnswer } from '../../api/forwarding/pod-answer';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { checkServerInVolumePod, volumeActionNameOf } from './volume-action';
import { retypeBodyForPod } from './volume-type-ref';

/**
 * POST /volume/v3/volumes/{id}/action: any of Cinder's volume actions (os-attach, os-extend,
 * os-reset_status, os-volume_upload_image, revert...), recorded and forwarded to the volume's pod;
 * the pod's answer passes through (an upload's image reference included). os-retype's `new_type`
 * goes by the name the pods know.
 */
@Controller('volume/v3/volumes/:volume_id')
@Policy('volume:volumes')
export class VolumeActionsController {
  constructor(
    private readonly calls: VolumeResourceCalls,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlClient,
  ) {}

  @Post('action')
  @HttpCode(202)
  async act(
    @Req() request: FastifyRequest,
    @Param('volume_id') id: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const action = volumeActionNameOf(body);
    const call = { request, context, kind: 'volume' as const, id };
    const location = await this.calls.locate(call);
    if (action === 'os-attach') await checkServerInVolumePod(this.sql, body, id, location.pod.podId, tenantScopeOf(context));
    // The pod knows podgate's types by name only (its ids differ): `openstack volume set --type` sends podgate's id.
    const podBody = action === 'os-retype' ? await retypeBodyForPod(this.sql, body, context.caller.projectId) : body;
    const forward = callerForward(request, context, {
      method: 'POST',
      path: `${resourcePath('volume', id)}/action`,
      body: podBody,
      query: '',
    });
    return sendPodAnswer(reply, await this.calls.write(call, action, forward, (answer) => answer, location));
  }
}
