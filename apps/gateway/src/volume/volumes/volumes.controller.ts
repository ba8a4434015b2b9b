import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import { tenantScopeOf } from '@podgate/servers';
import { resourcePath } from '@podgate/volumes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerForward, rawQueryOf } from '../../api/forwarding/caller-forward';
import { sendPodAnswer } from '../../api/forwarding/pod-answer';
import { apiVersionOf } from '../../api/microversion';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { CinderLister } from '../listing/cinder-lister';
import type { CinderListKind } from '../listing/cinder-list.view';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { VolumeCreation } from './create/volume-creation';
import { isAllTenants, parseVolumeListQuery } from './list/volume-list.params';
import { VOLUMES, volumeSummary } from './volumes.collection';

/**
 * /volume/v3/volumes: Cinder's volumes API over the pods. Create goes to the pod the volumes slice
 * picks (or the pod of the snapshot, volume or backup it copies), lists merge every pod holding the
 * caller's volumes, the rest goes to the volume's own pod.
 */
@Controller('volume/v3/volumes')
@Policy('volume:volumes')
export class VolumesController {
  constructor(
    private readonly creation: VolumeCreation,
    private readonly lister: CinderLister,
    private readonly calls: VolumeResourceCalls,
  ) {}

  @Post()
  @HttpCode(202)
  async create(
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { body: _none, ...forward } = callerForward(request, context, { method: 'POST', path: '/volumes', query: '' });
    const created = await this.creation.create(body, apiVersionOf(request), context, forward);
    return sendPodAnswer(reply, this.calls.answer({ request, context }, created.response, { pod: created.pod }));
  }

  @Get()
  index(@Req() request: FastifyRequest, @RequestCtx() context: RequestContext) {
    return this.list('summary', request, context);
  }

  @Get('detail')
  detail(@Req() request: FastifyRequest, @RequestCtx() context: RequestContext) {
    return this.list('detail', request, context);
  }

  @Get(':volume_id')
  async show(
    @Req() request: FastifyRequest,
    @Param('volume_id') id: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPodAnswer(reply, await this.calls.read({ request, context, kind: 'volume', id }, resourcePath('volume', id)));
  }

  @Put(':volume_id')
  async update(
    @Req() request: FastifyRequest,
    @Param('volume_id') id: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const forward = callerForward(request, context, { method: 'PUT', path: resourcePath('volume', id), body });
    return sendPodAnswer(reply, await this.calls.write({ request, context, kind: 'volume', id }, 'PUT volume', forward));
  }

  @Delete(':volume_id')
  @HttpCode(202)
  async remove(
    @Req() request: FastifyRequest,
    @Param('volume_id') id: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPodAnswer(reply, await this.calls.delete({ request, context, kind: 'volume', id }));
  }

  private list(kind: CinderListKind, request: FastifyRequest, context: RequestContext) {
    const params = parseVolumeListQuery(rawQueryOf(request));
    const { method: _m, path: _p, query: _q, ...forward } = callerForward(request, context, { method: 'GET', path: '' });
    return this.lister.list({
      collection: VOLUMES,
      kind,
      routedAs: 'volume',
      params,
      allTenants: allTenantsAsked(params.pairs, context),
      context,
      forward,
      links: { base: this.calls.linkBase(request), pairs: params.pairs },
      summary: volumeSummary,
      markerRouted: true,
    });
  }
}

/** Cinder reads all_tenants strictly only for admins; for anyone else the filter is dropped unread. */
function allTenantsAsked(pairs: readonly (readonly [string, string])[], context: RequestContext): boolean {
  try {
    return isAllTenants(pairs);
  } catch (error) {
    if (tenantScopeOf(context) === null) throw error;
    return false;
  }
}
