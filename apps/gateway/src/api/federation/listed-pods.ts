import type { PodView } from '@podgate/pods';
import type { ListedPod } from './federated-list.types';

/**
 * The pods of a merged list with a unique index each, the tie-breaker between pods' equal items:
 * registration order, then pod id. The registration sequence alone is not unique (it is the commit
 * of the registration's append, and concurrent appends share a commit since group commit), and two
 * pods with one index would let a marker skip the second pod's tied items.
 */
export function listedPods(pods: readonly Pick<PodView, 'podId' | 'name' | 'registrationSeq'>[]): ListedPod[] {
  return [...pods]
    .sort((a, b) => compareSeq(a.registrationSeq, b.registrationSeq) || (a.podId < b.podId ? -1 : a.podId > b.podId ? 1 : 0))
    .map((pod, index) => ({ podId: pod.podId, name: pod.name, index }));
}

const compareSeq = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);
