import { requireVolumeVersion } from '../resources/version-gate';
import { Controller, Get, Req, Res } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import { tenantScopeOf } from '@podgate/routed-resources';
import { resourcePath } from '@podgate/volumes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { callerForward, rawQueryOf } from '../../api/forwarding/caller-forward';
import { type PodAnswer, sendPodAnswer } from '../../api/forwarding/pod-answer';
import {
  type CollectionList,
  RoutedCollectionController,
  type RoutedCall,
} from '../../api/forwarding/routed-collection.controller';
import { apiVersionOf } from '../../api/microversion';
import { refuseTagWrites } from '../../api/provisioning-tag';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { CinderLister } from '../listing/cinder-lister';
import { cinderListKindOf } from '../listing/cinder-list.view';
import { ResourceMetadataCalls } from '../resources/resource-metadata';
import { resourceViewOf } from '../resources/resource-view';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { VolumeCreation } from './create/volume-creation';
import { isAllTenants, isWithCount, parseVolumeListQuery } from './list/volume-list.params';
import { VolumeSummaries } from './summary/volume-summary';
import { VolumeTypeIds } from './volume-type-ids';
import { VOLUMES, volumeSummary } from './volumes.collection';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A volume answer as users see it: podgate's AZ, no provisioning tag (VOLUMES.viewItem), as in lists. */
const viewVolume = resourceViewOf(VOLUMES);

/**
 * /volume/v3/volumes: Cinder's volumes API over the pods. Create goes to the pod the volumes slice
 * picks (or the pod of the snapshot, volume or backup it copies), lists merge every pod holding the
 * caller's volumes, the rest goes to the volume's own pod. Every volume shown has podgate's
 * `volume_type_id` (3.63+), not its pod's, and none shows podgate's provisioning tag.
 */
@Controller('volume/v3/volumes')
@Policy('volume:volumes')
export class VolumesController extends RoutedCollectionController({
  idParam: 'volume_id',
  createStatus: 202,
  deleteStatus: 202,
}) {
  constructor(
    private readonly creation: VolumeCreation,
    private readonly lister: CinderLister,
    private readonly calls: VolumeResourceCalls,
    private readonly typeIds: VolumeTypeIds,
    private readonly summaries: VolumeSummaries,
    private readonly metadata: ResourceMetadataCalls,
  ) {
    super();
  }

  async createAnswer(request: FastifyRequest, body: unknown, context: RequestContext): Promise<PodAnswer> {
    const { body: _none, ...forward } = callerForward(request, context, { method: 'POST', path: '/volumes', query: '' });
    const created = await this.creation.create(body, apiVersionOf(request), context, forward);
    const answer = this.calls.answer({ request, context }, created.response, { pod: created.pod }, viewVolume);
    return this.typeIds.inAnswer(answer, created.pod.podId);
  }

  /**
   * 3.12+. Cinder's router sends `summary` here before any `/volumes/{id}` route; below 3.12 the
   * method has no version, which Cinder answers with its bare 404 (wsgi.py VersionNotFoundForAPIMethod).
   */
  @Get('summary')
  async summary(
    @Req() request: FastifyRequest,
    @RequestCtx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    requireVolumeVersion(request, '3.12');
    const version = apiVersionOf(request);
    // Cinder's summary reads no paging or sorting, only all_tenants; the query goes to the pods as it is.
    const pairs = [...new URLSearchParams(rawQueryOf(request))];
    const forward = callerForward(request, context, { method: 'GET', path: '/volumes/summary' });
    const allTenants = allTenantsAsked(pairs, context);
    const linkBase = this.calls.linkBase(request);
    return sendPodAnswer(reply, await this.summaries.summary({ version, allTenants, context, forward, linkBase }));
  }

  async showAnswer(call: RoutedCall): Promise<PodAnswer> {
    const at = { ...call, kind: 'volume' as const };
    const location = await this.calls.locate(at);
    const answer = await this.calls.read(at, resourcePath('volume', call.id), viewVolume, location);
    return this.typeIds.inAnswer(answer, location.pod.podId);
  }

  /** An update's `metadata` replaces all of the volume's (Cinder's volume_update): never naming the tag, always keeping it. */
  async updateAnswer(call: RoutedCall, body: unknown): Promise<PodAnswer> {
    const at = { ...call, kind: 'volume' as const };
    const volume = isRecord(body) && isRecord(body.volume) ? body.volume : undefined;
    refuseTagWrites(volume?.metadata);
    const location = await this.calls.locate(at);
    const sent =
      volume && isRecord(volume.metadata)
        ? { ...(body as Json), volume: { ...volume, metadata: await this.metadata.keepTag(at, volume.metadata, location) } }
        : body;
    const forward = callerForward(call.request, call.context, {
      method: 'PUT',
      path: resourcePath('volume', call.id),
      body: sent,
    });
    const answer = await this.calls.write(at, 'PUT volume', forward, viewVolume, location);
    return this.typeIds.inAnswer(answer, location.pod.podId);
  }

  removeAnswer(call: RoutedCall): Promise<PodAnswer> {
    return this.calls.delete({ ...call, kind: 'volume' });
  }

  list(which: CollectionList, request: FastifyRequest, context: RequestContext) {
    const kind = cinderListKindOf(which);
    const params = parseVolumeListQuery(rawQueryOf(request));
    const { method: _m, path: _p, query: _q, ...forward } = callerForward(request, context, { method: 'GET', path: '' });
    return this.lister.list({
      collection: VOLUMES,
      kind,
      routedAs: 'volume',
      params,
      allTenants: allTenantsAsked(params.pairs, context),
      withCount: isWithCount(params.pairs, apiVersionOf(request)),
      context,
      forward,
      links: { base: this.calls.linkBase(request), pairs: params.pairs },
      summary: volumeSummary,
      markerRouted: true,
      ...(kind === 'detail' ? { viewItems: (items) => this.typeIds.inItems(items) } : {}),
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
