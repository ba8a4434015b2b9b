import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { tenantScopeOf } from '@podgate/routed-resources';
import type { SqlExecutor } from '@podgate/sql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerForward, segment } from '../../api/forwarding/caller-forward';
import { type PodAnswer, sendPodAnswer } from '../../api/forwarding/pod-answer';
import {
  type CollectionList,
  RoutedCollectionController,
  type RoutedCall,
} from '../../api/forwarding/routed-collection.controller';
import { routedPodIdsOf } from '../../compute/servers/volume-pod.check';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { CinderLister } from '../listing/cinder-lister';
import { cinderListKindOf } from '../listing/cinder-list.view';
import { optionalIdOf, parentIdOf, UUID } from '../resources/parent-id';
import { requireVolumeVersion } from '../resources/version-gate';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { ServerNotInVolumePodError, volumeActionNameOf } from '../volumes/volume-action';
import { AttachmentLocator } from './attachment-locator';
import {
  ATTACHMENT_COMPLETE_VERSION,
  ATTACHMENTS,
  ATTACHMENTS_VERSION,
  attachmentSummary,
  attachmentsAllTenantsAsked,
} from './attachments.collection';

const asIs = (body: unknown): unknown => body;

/**
 * /volume/v3/attachments (3.27+): Cinder's attachment flow over the pods. An attachment lives in its
 * volume's pod (see AttachmentLocator) and every write is recorded as an action on that volume
 * (`attachment create`, `attachment update`, `attachment delete`, `attachment os-complete`). A
 * server named by instance_uuid must be one podgate routes to the volume's pod.
 */
@Controller('volume/v3/attachments')
@Policy('volume:volumes')
export class AttachmentsController extends RoutedCollectionController({
  idParam: 'attachment_id',
  createStatus: 200,
  deleteStatus: 200,
}) {
  constructor(
    private readonly calls: VolumeResourceCalls,
    private readonly locator: AttachmentLocator,
    private readonly lister: CinderLister,
    @Inject(READ_MODEL_SQL) private readonly sql: SqlExecutor,
  ) {
    super();
  }

  async createAnswer(request: FastifyRequest, body: unknown, context: RequestContext): Promise<PodAnswer> {
    requireVolumeVersion(request, ATTACHMENTS_VERSION);
    const volumeId = parentIdOf(body, 'attachment', 'volume_uuid', UUID);
    const call = { request, context, kind: 'volume' as const, id: volumeId };
    const volume = await this.calls.locate(call);
    const serverId = optionalIdOf(body, 'attachment', 'instance_uuid');
    if (serverId !== undefined) {
      const podIds = await routedPodIdsOf(this.sql, 'server', serverId, tenantScopeOf(context));
      if (!podIds.includes(volume.pod.podId)) throw new ServerNotInVolumePodError(serverId, volumeId);
    }
    const forward = callerForward(request, context, { method: 'POST', path: '/attachments', body, query: '' });
    return this.calls.write(call, 'attachment create', forward, asIs, volume);
  }

  async showAnswer({ request, context, id }: RoutedCall): Promise<PodAnswer> {
    requireVolumeVersion(request, ATTACHMENTS_VERSION);
    const { volume, response } = await this.locator.locate(request, context, id);
    return this.calls.answer({ request, context }, response, volume, asIs);
  }

  updateAnswer(call: RoutedCall, body: unknown): Promise<PodAnswer> {
    return this.write(call, 'attachment update', { method: 'PUT', body });
  }

  removeAnswer(call: RoutedCall): Promise<PodAnswer> {
    return this.write(call, 'attachment delete', { method: 'DELETE' });
  }

  @Post(':attachment_id/action')
  @HttpCode(204)
  async act(
    @Req() request: FastifyRequest,
    @Param('attachment_id') id: string,
    @Body() body: unknown,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    requireVolumeVersion(request, ATTACHMENT_COMPLETE_VERSION);
    const action = volumeActionNameOf(body);
    const answer = await this.write({ request, context, id }, `attachment ${action}`, {
      method: 'POST',
      body,
      suffix: '/action',
    });
    return sendPodAnswer(reply, answer);
  }

  private async write(
    { request, context, id }: RoutedCall,
    action: string,
    call: { method: string; body?: unknown; suffix?: string },
  ): Promise<PodAnswer> {
    requireVolumeVersion(request, ATTACHMENTS_VERSION);
    const { volume } = await this.locator.locate(request, context, id);
    const path = `/attachments/${segment(id)}${call.suffix ?? ''}`;
    const forward = callerForward(request, context, { method: call.method, path, body: call.body, query: '' });
    return this.calls.write({ request, context, kind: 'volume', id: volume.id }, action, forward, asIs, volume);
  }

  list(which: CollectionList, request: FastifyRequest, context: RequestContext) {
    requireVolumeVersion(request, ATTACHMENTS_VERSION);
    return this.lister.listFor(request, context, {
      collection: ATTACHMENTS,
      kind: cinderListKindOf(which),
      routedAs: 'volume',
      allTenantsAsked: attachmentsAllTenantsAsked,
      summary: attachmentSummary,
      markerRouted: false,
    });
  }
}
