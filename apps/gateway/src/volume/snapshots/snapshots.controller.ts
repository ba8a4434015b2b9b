import { Controller } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyRequest } from 'fastify';
import type { PodAnswer } from '../../api/forwarding/pod-answer';
import { refuseTagWrites } from '../../api/provisioning-tag';
import { checkCinderMetadata } from '../resources/cinder-metadata';
import { Policy } from '../../http/policy';
import { CinderLister } from '../listing/cinder-lister';
import { ChildResourceCollectionController } from '../resources/child-resource-collection.controller';
import { InPodCreation } from '../resources/in-pod-creation';
import { parentIdOf } from '../resources/parent-id';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { resourceViewOf } from '../resources/resource-view';
import { SNAPSHOT_LISTING, SNAPSHOTS } from './snapshots.collection';

/**
 * /volume/v3/snapshots: Cinder's snapshots over the pods. A snapshot is made in its volume's pod
 * (the only one that can) and routed there; lists merge every pod holding the caller's snapshots;
 * the rest goes to the snapshot's own pod. podgate's provisioning tag, which the volumes slice puts
 * in every create's metadata, is the user's to neither name nor see.
 */
@Controller('volume/v3/snapshots')
@Policy('volume:volumes')
export class SnapshotsController extends ChildResourceCollectionController({
  kind: 'snapshot',
  listing: SNAPSHOT_LISTING,
}) {
  constructor(
    private readonly creation: InPodCreation,
    protected readonly lister: CinderLister,
    protected readonly calls: VolumeResourceCalls,
  ) {
    super();
  }

  async createAnswer(request: FastifyRequest, body: unknown, context: RequestContext): Promise<PodAnswer> {
    const volumeId = parentIdOf(body, 'snapshot', 'volume_id');
    const metadata = (body as { snapshot: { metadata?: unknown } }).snapshot.metadata;
    refuseTagWrites(metadata);
    // The volumes slice tags a map: one Cinder would refuse must be refused before (its 400 echoes the map).
    if (typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata)) checkCinderMetadata(metadata);
    const { answer } = await this.creation.create({
      request,
      context,
      kind: 'snapshot',
      parent: { kind: 'volume', id: volumeId },
      path: '/snapshots',
      bodyFor: () => body,
      view: resourceViewOf(SNAPSHOTS),
    });
    return answer;
  }
}
