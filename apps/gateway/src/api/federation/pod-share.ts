// One pod's contribution to a merged page: the first `need` items after the global marker position,
// read with the pod's own markers. Pods know nothing of each other, so a pod without the marker item
// is read from its start and the items sorting before (or at) the marker are skipped.
import type { FederatedListSource, ListedPod, PodPage } from './federated-list.types';

/** Where the merged page starts, as each pod must see it. */
export interface GlobalPosition {
  readonly pod: ListedPod;
  readonly markerId: string;
  readonly values: readonly unknown[];
}

export interface ShareRequest {
  readonly need: number;
  readonly maxPageSize: number;
  readonly after?: GlobalPosition;
  /** Sort-value order of the request (0 = tie). */
  readonly order: (a: readonly unknown[], b: readonly unknown[]) => number;
  readonly signal: AbortSignal;
}

/**
 * When a pod's list ends: never merely because a page is shorter than asked, since the pod caps
 * every page at its own max_limit, which may be below what podgate asks (items would be lost
 * silently). The pod's own word ends it when given (PodPage.more: Nova's next link, set exactly when
 * the page is full by the pod's cap); a bare page, only when it comes back empty.
 */
function pageOf<T>(answer: readonly T[] | PodPage<T>): PodPage<T> {
  return isPodPage(answer) ? answer : { items: answer, more: answer.length > 0 };
}

const isPodPage = <T>(answer: readonly T[] | PodPage<T>): answer is PodPage<T> => !Array.isArray(answer);

export async function readPodShare<T>(source: FederatedListSource<T>, pod: ListedPod, request: ShareRequest): Promise<T[]> {
  const { need, maxPageSize, after, order, signal } = request;
  const ownMarker = after?.pod.podId === pod.podId;
  // Ties across pods go to the lower registration index: a tie in a later pod comes after the marker.
  const isAfterMarker = (item: T): boolean => {
    const c = order(source.sortValues(item), (after as GlobalPosition).values);
    return c > 0 || (c === 0 && pod.index > (after as GlobalPosition).pod.index);
  };
  let skipping = after !== undefined && !ownMarker;
  let marker = ownMarker ? after.markerId : undefined;
  let skipPageSize = Math.min(maxPageSize, need);
  const items: T[] = [];
  while (items.length < need) {
    // While skipping, pages grow so a marker deep in the list costs few round trips.
    const asked = skipping ? skipPageSize : Math.min(maxPageSize, need - items.length);
    const { items: page, more } = pageOf(await source.fetchPage(pod, { limit: asked, marker, signal }));
    for (const item of page) {
      // The pod's order is the merge's order, so once past the marker every later item is too.
      if (skipping && !isAfterMarker(item)) continue;
      skipping = false;
      items.push(item);
    }
    if (!more || page.length === 0) break;
    const last = source.id(page[page.length - 1]);
    if (last === marker) throw new Error(`${pod.name} answered the same page twice (marker ${last} ignored)`);
    marker = last;
    skipPageSize = Math.min(maxPageSize, skipPageSize * 2);
  }
  return items.length > need ? items.slice(0, need) : items;
}
