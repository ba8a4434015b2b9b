import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { callerForward, segment } from '../../api/forwarding/caller-forward';
import { sendPodAnswer } from '../../api/forwarding/pod-answer';
import {
  MetadataItemNotFoundError,
  metadataTargetOf,
  ProvisioningTagKeeper,
  ProvisioningTagReservedError,
  refuseTagWrites,
  viewMetadataBody,
} from '../../api/provisioning-tag';
import { type ServerCall, ServerCalls } from './server-calls';
import { subresourceAction } from './server-action';
import { subresourcePathOf } from './server-subresource-path';
import { ServerScope } from './server-scope';
import { checkVolumeInServerPod } from './volume-pod.check';

type Json = Record<string, unknown>;

/**
 * Everything below /compute/v2.1/servers/{id}/ but `action`: reads forwarded to the server's pod,
 * writes recorded by the servers slice (`<METHOD> <sub-resource>`). Volume attachments must stay
 * within the server's pod; the provisioning tag stays out of sight and out of reach in metadata.
 */
@Controller('compute/v2.1/servers/:server_id')
@Policy('compute:servers')
export class ServerSubresourcesController {
  constructor(
    private readonly calls: ServerCalls,
    private readonly tags: ProvisioningTagKeeper,
    private readonly scope: ServerScope,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlClient,
  ) {}

  @Post('os-volume_attachments')
  async attach(
    @Req() request: FastifyRequest,
    @Param('server_id') serverId: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.attachment({ request, context, serverId }, 'POST', body, reply);
  }

  @Put('os-volume_attachments/:attachment_id')
  async swap(
    @Req() request: FastifyRequest,
    @Param('server_id') serverId: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.attachment({ request, context, serverId }, 'PUT', body, reply);
  }

  @Get('*')
  async read(
    @Req() request: FastifyRequest,
    @Param('server_id') serverId: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const rest = subresourcePathOf(request.url);
    const target = metadataTargetOf(rest);
    if (target === 'tag') throw new MetadataItemNotFoundError();
    const path = `/servers/${segment(serverId)}/${rest}`;
    const view = target === 'collection' ? viewMetadataBody : (body: unknown) => body;
    return sendPodAnswer(reply, await this.calls.read({ request, context, serverId }, path, view));
  }

  @Post('*')
  @HttpCode(200)
  post(
    @Req() r: FastifyRequest,
    @Param('server_id') id: string,
    @Body() b: unknown,
    @RequestCtx() c: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.write({ request: r, context: c, serverId: id }, 'POST', b, reply);
  }

  @Put('*')
  @HttpCode(200)
  put(
    @Req() r: FastifyRequest,
    @Param('server_id') id: string,
    @Body() b: unknown,
    @RequestCtx() c: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.write({ request: r, context: c, serverId: id }, 'PUT', b, reply);
  }

  @Delete('*')
  @HttpCode(204)
  remove(
    @Req() r: FastifyRequest,
    @Param('server_id') id: string,
    @RequestCtx() c: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.write({ request: r, context: c, serverId: id }, 'DELETE', undefined, reply);
  }

  private async write(call: ServerCall, method: string, body: unknown, reply: FastifyReply) {
    const rest = subresourcePathOf(call.request.url);
    const action = subresourceAction(method, rest);
    const target = metadataTargetOf(rest);
    if (target === 'tag') throw method === 'DELETE' ? new MetadataItemNotFoundError() : new ProvisioningTagReservedError();
    const path = `/servers/${segment(call.serverId)}/${rest}`;
    const location = await this.calls.locate(call);
    let sent = body;
    if (target === 'collection') {
      const metadata = (body as { metadata?: unknown } | undefined)?.metadata;
      if (method === 'POST') refuseTagWrites(metadata);
      // PUT replaces all metadata: the tag is put back.
      if (method === 'PUT' && typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)) {
        const holder = { service: 'compute' as const, pod: location.pod, path: `/servers/${segment(call.serverId)}` };
        sent = { ...(body as Json), metadata: await this.tags.keep(metadata as Json, holder, call) };
      }
    }
    const forward = callerForward(call.request, call.context, { method, path, body: sent });
    const view = target === 'collection' ? viewMetadataBody : (answer: unknown) => answer;
    return sendPodAnswer(reply, await this.calls.write(call, action, forward, view, location));
  }

  private async attachment(call: ServerCall, method: 'POST' | 'PUT', body: unknown, reply: FastifyReply) {
    const location = await this.calls.locate(call);
    const volumeId = (body as { volumeAttachment?: { volumeId?: unknown } } | undefined)?.volumeAttachment?.volumeId;
    await checkVolumeInServerPod(this.sql, volumeId, call.serverId, location.pod.podId, this.scope.projectOf(call.context));
    const rest = subresourcePathOf(call.request.url);
    const forward = callerForward(call.request, call.context, {
      method,
      path: `/servers/${segment(call.serverId)}/${rest}`,
      body,
    });
    return sendPodAnswer(
      reply,
      await this.calls.write(call, subresourceAction(method, rest), forward, (answer) => answer, location),
    );
  }
}
