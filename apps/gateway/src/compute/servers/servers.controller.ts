import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { computeVersionOf } from '../../api/microversion';
import { callerForward, rawQueryOf, segment } from '../../api/forwarding/caller-forward';
import { ServerLister } from './list/server-lister';
import { parseServerListQuery } from './list/server-list.params';
import type { ServerListKind } from './list/server-list.view';
import { podAnswer, sendPodAnswer } from '../../api/forwarding/pod-answer';
import { ServerCalls } from './server-calls';
import { ServerCreation } from './server-creation';
import { ServerScope } from './server-scope';

/**
 * /compute/v2.1/servers: Nova's servers API over the pods. Create goes to the pod the servers slice
 * picks, lists merge every pod holding the caller's servers, the rest goes to the server's own pod.
 */
@Controller('compute/v2.1/servers')
@Policy('compute:servers')
export class ServersController {
  constructor(
    private readonly creation: ServerCreation,
    private readonly lister: ServerLister,
    private readonly calls: ServerCalls,
    private readonly scope: ServerScope,
  ) {}

  @Post()
  @HttpCode(202)
  async create(
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const forward = callerForward(request, context, { method: 'POST', path: '/servers', query: '' });
    const { response, pod } = await this.creation.create(body, computeVersionOf(request), context, forward);
    const links = { base: this.calls.linkBase(request), podProjectId: context.caller.projectId };
    return sendPodAnswer(reply, podAnswer(response, pod.name, links));
  }

  @Get()
  index(@Req() request: FastifyRequest, @RequestCtx() context: RequestContext) {
    return this.list('index', request, context);
  }

  @Get('detail')
  detail(@Req() request: FastifyRequest, @RequestCtx() context: RequestContext) {
    return this.list('detail', request, context);
  }

  @Get(':server_id')
  async show(
    @Req() request: FastifyRequest,
    @Param('server_id') serverId: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPodAnswer(reply, await this.calls.show({ request, context, serverId }));
  }

  @Put(':server_id')
  async update(
    @Req() request: FastifyRequest,
    @Param('server_id') serverId: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const forward = callerForward(request, context, { method: 'PUT', path: `/servers/${segment(serverId)}`, body });
    return sendPodAnswer(reply, await this.calls.write({ request, context, serverId }, 'PUT server', forward));
  }

  @Delete(':server_id')
  @HttpCode(204)
  async remove(
    @Req() request: FastifyRequest,
    @Param('server_id') serverId: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPodAnswer(reply, await this.calls.delete({ request, context, serverId }));
  }

  private async list(kind: ServerListKind, request: FastifyRequest, context: RequestContext) {
    const version = computeVersionOf(request);
    const params = parseServerListQuery(rawQueryOf(request), version, this.scope.isAdmin(context));
    if (params.allTenants) this.scope.enforceAllTenants(context.caller);
    const { method: _m, path: _p, query: _q, ...forward } = callerForward(request, context, { method: 'GET', path: '' });
    return this.lister.list({
      kind,
      params,
      version,
      context,
      forward,
      links: { base: this.calls.linkBase(request), pairs: params.pairs },
    });
  }
}
