// One mechanism for every merged list (servers now, volumes/snapshots/backups in issue 6), after
// Nova cells v2's multi_cell_list: every pod is asked in parallel for `limit` items after the
// marker, the sorted answers are merged (ties to the earlier pod, as heapq.merge keeps its inputs'
// order), and a pod that fails or runs out of time is left out and reported.
import { DomainError } from '@podgate/kernel';
import { ListLimitInvalidError, MarkerLookupTimeoutError, MarkerNotFoundError } from './federated-list.errors';
import type { FederatedListRequest, FederatedListSource, FederatedPage, ListedPod } from './federated-list.types';
import { mergeSorted } from './merge-sorted';
import { type GlobalPosition, readPodShare } from './pod-share';
import { sortValueOrder } from './sort-order';
import { ShareTimeoutError, withinTime } from './within-time';

export type {
  FederatedListRequest,
  FederatedListSource,
  FederatedPage,
  ListedPod,
  PodPage,
  PodPageRequest,
} from './federated-list.types';
export { compareSortValues, type SortDirection, type SortKey, type ValueComparator } from './sort-order';
export { ListLimitInvalidError, MarkerLookupTimeoutError, MarkerNotFoundError } from './federated-list.errors';

export const DEFAULT_MAX_PAGE_SIZE = 1000;

/** Errors about the request itself (every pod would say the same): the caller's answer, not a down pod. */
const REQUEST_ERROR_KINDS = new Set(['badRequest', 'unauthorized', 'forbidden', 'notAcceptable']);

type Share<T> = { readonly pod: ListedPod; readonly items: readonly T[] } | { readonly pod: ListedPod; readonly error: unknown };

/**
 * One globally sorted page over every pod of the source. Throws the source's markerNotFound error
 * (Nova's 400 MarkerNotFoundError by default) for an unknown marker, the marker pod's failure when
 * it could not be looked up, and a pod's own request-level error (400/401/403/406 kinds) rather
 * than hiding it; any other pod failure only lands in `failedPods`.
 */
export async function listFederated<T>(source: FederatedListSource<T>, request: FederatedListRequest): Promise<FederatedPage<T>> {
  const limit = pageLimit(request.limit, source.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE);
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

/** Nova's rules for `limit` (the HTTP layer checks it too): a whole number from 0, capped at the page maximum. */
function pageLimit(limit: number, maxPageSize: number): number {
  if (!Number.isFinite(limit)) throw new ListLimitInvalidError('limit param must be an integer');
  if (limit < 0) throw new ListLimitInvalidError('limit param must be positive');
  return Math.min(Math.floor(limit), maxPageSize);
}

async function locate<T>(source: FederatedListSource<T>, request: FederatedListRequest): Promise<GlobalPosition> {
  const markerId = request.marker as string;
  const found = await withinTime(request.podTimeoutMs, request.signal, (signal) => source.locateMarker(markerId, signal)).catch(
    (error: unknown) => {
      throw error instanceof ShareTimeoutError ? new MarkerLookupTimeoutError(request.podTimeoutMs) : error;
    },
  );
  if (!found) throw source.markerNotFound?.(markerId) ?? new MarkerNotFoundError(markerId);
  return { pod: found.pod, markerId, values: source.sortValues(found.item) };
}

function isRequestError(error: unknown): boolean {
  return error instanceof DomainError && REQUEST_ERROR_KINDS.has(error.kind);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
