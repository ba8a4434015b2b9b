import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { ServerLocation } from '@podgate/servers';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { computeVersionOf } from '../../api/microversion';
import { callerForward, segment } from '../../api/forwarding/caller-forward';
import { sendPodAnswer } from '../../api/forwarding/pod-answer';
import { ProvisioningTagKeeper } from '../../api/provisioning-tag';
import { actionNameOf } from './server-action';
import { ServerCalls } from './server-calls';
import { requestedUnshelveZone, unshelveBodyForPod } from './unshelve-zone';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

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
    // Nova checks the body before it looks the server up.
    const zone = action === 'unshelve' ? requestedUnshelveZone(body, computeVersionOf(request)) : undefined;
    const call = { request, context, serverId };
    const location = await this.calls.locate(call);
    let sent = body as Json;
    if (zone !== undefined) sent = unshelveBodyForPod(sent, zone, location.pod);
    if (action === 'rebuild') sent = await this.keepTagOnRebuild(sent, request, context, location);
    const path = `/servers/${segment(serverId)}/action`;
    const forward = callerForward(request, context, { method: 'POST', path, body: sent, query: '' });
    return sendPodAnswer(reply, await this.calls.write(call, action, forward, undefined, location));
  }

  /** A rebuild with metadata replaces all of it: the provisioning tag is kept. */
  private async keepTagOnRebuild(sent: Json, request: FastifyRequest, context: RequestContext, location: ServerLocation) {
    const rebuild = sent.rebuild;
    if (!isRecord(rebuild) || !isRecord(rebuild.metadata)) return sent;
    const holder = { service: 'compute' as const, pod: location.pod, path: `/servers/${segment(location.serverId)}` };
    const metadata = await this.tags.keep(rebuild.metadata, holder, { request, context });
    return { rebuild: { ...rebuild, metadata } };
  }
}
