import type { RequestContext } from '@podgate/kernel';
import type { FastifyRequest } from 'fastify';
import { callerForward, segment } from '../../api/forwarding/caller-forward';
import type { PodAnswer } from '../../api/forwarding/pod-answer';
import {
  type CollectionList,
  RoutedCollectionController,
  type RoutedCall,
} from '../../api/forwarding/routed-collection.controller';
import type { CinderLister, CinderListing } from '../listing/cinder-lister';
import { cinderListKindOf } from '../listing/cinder-list.view';
import { resourceViewOf } from './resource-view';
import { requireVolumeVersion } from './version-gate';
import { resourcePath, type VolumeResourceCalls } from './volume-resource-calls';

export interface ChildCollectionOptions {
  readonly kind: 'snapshot' | 'backup';
  /** The microversion update came with (backups: 3.9); none: every version. */
  readonly updateSince?: string;
  /** How the merged list is made; `kind` (summary or detail) comes from the route. */
  readonly listing: Omit<CinderListing, 'kind'>;
}

/**
 * What the collections of a volume's children (snapshots, backups) answer alike: each lives in its
 * volume's pod, so show, update, delete and lists are the same calls, named by kind. Only create
 * (and a collection's extra routes) is the subclass's.
 */
export function ChildResourceCollectionController({ kind, updateSince, listing }: ChildCollectionOptions) {
  // A shown or updated item looks as it does in the collection's lists.
  const view = resourceViewOf(listing.collection);
  abstract class ChildResourceCollection extends RoutedCollectionController({
    idParam: `${kind}_id`,
    createStatus: 202,
    deleteStatus: 202,
  }) {
    protected abstract readonly calls: VolumeResourceCalls;
    protected abstract readonly lister: CinderLister;

    showAnswer(call: RoutedCall): Promise<PodAnswer> {
      return this.calls.read({ ...call, kind }, resourcePath(kind, call.id), view);
    }

    updateAnswer(call: RoutedCall, body: unknown): Promise<PodAnswer> {
      if (updateSince) requireVolumeVersion(call.request, updateSince);
      const forward = callerForward(call.request, call.context, { method: 'PUT', path: `/${kind}s/${segment(call.id)}`, body });
      return this.calls.write({ ...call, kind }, `PUT ${kind}`, forward, view);
    }

    removeAnswer(call: RoutedCall): Promise<PodAnswer> {
      return this.calls.delete({ ...call, kind });
    }

    list(which: CollectionList, request: FastifyRequest, context: RequestContext) {
      return this.lister.listFor(request, context, { ...listing, kind: cinderListKindOf(which) });
    }
  }
  return ChildResourceCollection;
}
