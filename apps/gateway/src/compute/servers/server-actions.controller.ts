import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { callerForward, segment } from './caller-forward';
import { sendPodAnswer } from './pod-answer';
import { ProvisioningTagKeeper } from './provisioning-tag';
import { actionNameOf } from './server-action';
import { ServerCalls } from './server-calls';

/** POST /compute/v2.1/servers/{id}/action: any of Nova's server actions, recorded and forwarded to the server's pod. */
@Controller('compute/v2.1/servers/:server_id')
@Policy('compute:servers')
export class ServerActionsController {
  constructor(
    private readonly calls: ServerCalls,
    private readonly tags: ProvisioningTagKeeper,
  ) {}

  @Post('action')
  @HttpCode(202)
  async act(
    @Req() request: FastifyRequest,
    @Param('server_id') serverId: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const action = actionNameOf(body);
    const call = { request, context, serverId };
    const path = `/servers/${segment(serverId)}/action`;
    const location = await this.calls.locate(call);
    let sent = body as Record<string, Record<string, unknown> | null>;
    // A rebuild with metadata replaces all of it: the provisioning tag is kept.
    const rebuild = sent.rebuild;
    if (action === 'rebuild' && rebuild && typeof rebuild.metadata === 'object' && rebuild.metadata !== null) {
      const plain = callerForward(request, context, { method: 'GET', path });
      const metadata = await this.tags.keep(
        rebuild.metadata as Record<string, unknown>,
        location,
        plain,
        context.caller.projectId,
      );
      sent = { rebuild: { ...rebuild, metadata } };
    }
    const forward = callerForward(request, context, { method: 'POST', path, body: sent, query: '' });
    return sendPodAnswer(reply, await this.calls.write(call, action, forward, undefined, location));
  }
}
