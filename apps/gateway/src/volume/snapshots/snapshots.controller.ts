import { Controller } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyRequest } from 'fastify';
import { callerForward, segment } from '../../api/forwarding/caller-forward';
import { type PodAnswer } from '../../api/forwarding/pod-answer';
import {
  type CollectionList,
  RoutedCollectionController,
  type RoutedCall,
} from '../../api/forwarding/routed-collection.controller';
import { Policy } from '../../http/policy';
import { CinderLister } from '../listing/cinder-lister';
import { cinderListKindOf } from '../listing/cinder-list.view';
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
export class SnapshotsController extends RoutedCollectionController({
  idParam: 'snapshot_id',
  createStatus: 202,
  deleteStatus: 202,
}) {
  constructor(
    private readonly creation: InPodCreation,
    private readonly lister: CinderLister,
    private readonly calls: VolumeResourceCalls,
  ) {
    super();
  }

  async createAnswer(request: FastifyRequest, body: unknown, context: RequestContext): Promise<PodAnswer> {
    const volumeId = parentIdOf(body, 'snapshot', 'volume_id');
    const { answer } = await this.creation.create({
      request,
      context,
      kind: 'snapshot',
      parent: { kind: 'volume', id: volumeId },
      path: '/snapshots',
      bodyFor: () => body,
    });
    return answer;
  }

  showAnswer(call: RoutedCall): Promise<PodAnswer> {
    return this.calls.read({ ...call, kind: 'snapshot' }, resourcePath('snapshot', call.id));
  }

  updateAnswer(call: RoutedCall, body: unknown): Promise<PodAnswer> {
    const forward = callerForward(call.request, call.context, { method: 'PUT', path: `/snapshots/${segment(call.id)}`, body });
    return this.calls.write({ ...call, kind: 'snapshot' }, 'PUT snapshot', forward);
  }

  removeAnswer(call: RoutedCall): Promise<PodAnswer> {
    return this.calls.delete({ ...call, kind: 'snapshot' });
  }

  list(which: CollectionList, request: FastifyRequest, context: RequestContext) {
    return this.lister.listFor(request, context, {
      collection: SNAPSHOTS,
      kind: cinderListKindOf(which),
      routedAs: 'snapshot',
      allTenantsAsked: snapshotsAllTenantsAsked,
      summary: snapshotSummary,
      markerRouted: true,
    });
  }
}
