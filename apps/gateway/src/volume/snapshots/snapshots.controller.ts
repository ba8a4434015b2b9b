import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerForward, segment } from '../../api/forwarding/caller-forward';
import { sendPodAnswer } from '../../api/forwarding/pod-answer';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { CinderLister } from '../listing/cinder-lister';
import type { CinderListKind } from '../listing/cinder-list.view';
import { InPodCreation } from '../resources/in-pod-creation';
import { parentIdOf } from '../resources/parent-id';
import { resourcePath, VolumeResourceCalls } from '../resources/volume-resource-calls';
import { SNAPSHOTS, snapshotSummary, snapshotsAllTenantsAsked } from './snapshots.collection';

/**
 * /volume/v3/snapshots: Cinder's snapshots over the pods. A snapshot is made in its volume's pod
 * (the only one that can) and routed there; lists merge every pod holding the caller's snapshots;
 * the rest goes to the snapshot's own pod.
 */
@Controller('volume/v3/snapshots')
@Policy('volume:volumes')
export class SnapshotsController {
  constructor(
    private readonly creation: InPodCreation,
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
    const volumeId = parentIdOf(body, 'snapshot', 'volume_id');
    const { answer } = await this.creation.create({
      request,
      context,
      kind: 'snapshot',
      parent: { kind: 'volume', id: volumeId },
      path: '/snapshots',
      bodyFor: () => body,
    });
    return sendPodAnswer(reply, answer);
  }

  @Get()
  index(@Req() request: FastifyRequest, @RequestCtx() context: RequestContext) {
    return this.list('summary', request, context);
  }

  @Get('detail')
  detail(@Req() request: FastifyRequest, @RequestCtx() context: RequestContext) {
    return this.list('detail', request, context);
  }

  @Get(':snapshot_id')
  async show(
    @Req() request: FastifyRequest,
    @Param('snapshot_id') id: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPodAnswer(reply, await this.calls.read({ request, context, kind: 'snapshot', id }, resourcePath('snapshot', id)));
  }

  @Put(':snapshot_id')
  async update(
    @Req() request: FastifyRequest,
    @Param('snapshot_id') id: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const forward = callerForward(request, context, { method: 'PUT', path: `/snapshots/${segment(id)}`, body });
    return sendPodAnswer(reply, await this.calls.write({ request, context, kind: 'snapshot', id }, 'PUT snapshot', forward));
  }

  @Delete(':snapshot_id')
  @HttpCode(202)
  async remove(
    @Req() request: FastifyRequest,
    @Param('snapshot_id') id: string,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendPodAnswer(reply, await this.calls.delete({ request, context, kind: 'snapshot', id }));
  }

  private list(kind: CinderListKind, request: FastifyRequest, context: RequestContext) {
    return this.lister.listFor(request, context, {
      collection: SNAPSHOTS,
      kind,
      routedAs: 'snapshot',
      allTenantsAsked: snapshotsAllTenantsAsked,
      summary: snapshotSummary,
      markerRouted: true,
    });
  }
}
