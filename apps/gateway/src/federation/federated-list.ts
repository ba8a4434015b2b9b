// One mechanism for every merged list (servers now, volumes/snapshots/backups in issue 6), after
// Nova cells v2's multi_cell_list: every pod is asked in parallel for `limit` items after the
// marker, the sorted answers are merged (ties to the earlier pod, as heapq.merge keeps its inputs'
// order), and a pod that fails or runs out of time is left out and reported.
import { DomainError } from '@podgate/kernel';
import { MarkerLookupTimeoutError, MarkerNotFoundError } from './federated-list.errors';
import { mergeSorted } from './merge-sorted';
import { type GlobalPosition, readPodShare } from './pod-share';
import { type SortKey, type ValueComparator, sortValueOrder } from './sort-order';
import { ShareTimeoutError, withinTime } from './within-time';

export { compareSortValues, type SortDirection, type SortKey, type ValueComparator } from './sort-order';
export { MarkerLookupTimeoutError, MarkerNotFoundError } from './federated-list.errors';

/** A pod taking part in a merged list; `index` is its place in registration order (the tie-breaker). */
export interface ListedPod {
  readonly podId: string;
  readonly name: string;
  readonly index: number;
}

export interface PodPageRequest {
  /** How many items after the pod's own position; the pod's max page size caps it. */
  readonly limit: number;
  /** An id of this pod's own item to continue after; absent = from the start. */
  readonly marker?: string;
  readonly signal: AbortSignal;
}

export interface FederatedListSource<T> {
  readonly pods: readonly ListedPod[];
  /** One page of the pod's items, already sorted by the request's sort keys (the pod sorts). */
  fetchPage(pod: ListedPod, request: PodPageRequest): Promise<readonly T[]>;
  /** The item's values for the sort keys, in key order (compared as the pod does: null/undefined first when ascending). */
  sortValues(item: T): readonly unknown[];
  id(item: T): string;
  /** The marker item and its pod; null when no pod has it (listFederated then throws MarkerNotFoundError, a 400). */
  locateMarker(markerId: string, signal: AbortSignal): Promise<{ readonly pod: ListedPod; readonly item: T } | null>;
  /**
   * The pods' largest page (Nova's and Cinder's `osapi_max_limit`, default 1000). Never more is
   * asked, so a shorter page means the pod has no more items.
   */
  readonly maxPageSize?: number;
  /** Ascending order of one key's values when the pods' differs from compareSortValues (e.g. a collation). */
  readonly compareValues?: ValueComparator;
}

export interface FederatedListRequest {
  readonly limit: number;
  readonly marker?: string;
  readonly sortKeys: readonly SortKey[];
  /** Each pod's whole share (all the pages it takes), after which the pod counts as failed. */
  readonly podTimeoutMs: number;
  /** The caller going away (client disconnected): every pod call is cancelled and the list rejects. */
  readonly signal?: AbortSignal;
}

export interface FederatedPage<T> {
  /** At most `limit` items, globally sorted, each once. */
  readonly items: readonly T[];
  /** True when `limit` items were returned and at least one more exists (the caller adds a `next` link). */
  readonly hasMore: boolean;
  /** Pods that failed or timed out, with a reason for the log; their items are missing. */
  readonly failedPods: readonly { readonly pod: ListedPod; readonly reason: string }[];
}

export const DEFAULT_MAX_PAGE_SIZE = 1000;

/** Errors about the request itself (every pod would say the same): the caller's answer, not a down pod. */
const REQUEST_ERROR_KINDS = new Set(['badRequest', 'unauthorized', 'forbidden', 'notAcceptable']);

type Share<T> = { readonly pod: ListedPod; readonly items: readonly T[] } | { readonly pod: ListedPod; readonly error: unknown };

/**
 * One globally sorted page over every pod of the source. Throws MarkerNotFoundError (400) for an
 * unknown marker, and a pod's own request-level error (400/401/403/406 kinds) rather than hiding it;
 * any other pod failure only lands in `failedPods`.
 */
export async function listFederated<T>(source: FederatedListSource<T>, request: FederatedListRequest): Promise<FederatedPage<T>> {
  const limit = Math.max(0, Math.floor(request.limit));
  const after = request.marker === undefined ? undefined : await locate(source, request);
  if (limit === 0) return { items: [], hasMore: false, failedPods: [] };
  const order = sortValueOrder(request.sortKeys, source.compareValues);
  const pods = [...source.pods].sort((a, b) => a.index - b.index);
  const shares = await Promise.all(
    pods.map((pod) =>
      withinTime(request.podTimeoutMs, request.signal, (signal) =>
        readPodShare(source, pod, {
          // One more than the page shows, to know whether a next page exists.
          need: limit + 1,
          maxPageSize: source.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE,
          after,
          order,
          signal,
        }),
      ).then(
        (items): Share<T> => ({ pod, items }),
        (error: unknown): Share<T> => ({ pod, error }),
      ),
    ),
  );
  if (request.signal?.aborted) throw request.signal.reason;
  const requestError = shares.find((s) => 'error' in s && isRequestError(s.error));
  if (requestError && 'error' in requestError) throw requestError.error;
  const merged = mergeSorted(
    shares.flatMap((s) => ('items' in s ? [s.items] : [])),
    (item) => source.sortValues(item),
    order,
    limit + 1,
  );
  return {
    items: merged.length > limit ? merged.slice(0, limit) : merged,
    hasMore: merged.length > limit,
    failedPods: shares.flatMap((s) => ('error' in s ? [{ pod: s.pod, reason: reasonOf(s.error) }] : [])),
  };
}

async function locate<T>(source: FederatedListSource<T>, request: FederatedListRequest): Promise<GlobalPosition> {
  const markerId = request.marker as string;
  const found = await withinTime(request.podTimeoutMs, request.signal, (signal) => source.locateMarker(markerId, signal)).catch(
    (error: unknown) => {
      throw error instanceof ShareTimeoutError ? new MarkerLookupTimeoutError(request.podTimeoutMs) : error;
    },
  );
  if (!found) throw new MarkerNotFoundError(markerId);
  return { pod: found.pod, markerId, values: source.sortValues(found.item) };
}

function isRequestError(error: unknown): boolean {
  return error instanceof DomainError && REQUEST_ERROR_KINDS.has(error.kind);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
