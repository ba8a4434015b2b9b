// The shapes of a merged list, apart from the code: federated-list.ts and pod-share.ts both use them.
import type { SortKey, ValueComparator } from './sort-order';

/** A pod taking part in a merged list; `index` is its place in registration order (the tie-breaker). */
export interface ListedPod {
  readonly podId: string;
  readonly name: string;
  readonly index: number;
}

export interface PodPageRequest {
  /** How many items after the pod's own position; the pod's own max page size may cap it lower. */
  readonly limit: number;
  /** An id of this pod's own item to continue after; absent = from the start. */
  readonly marker?: string;
  readonly signal: AbortSignal;
}

/**
 * A page with the pod's own word on whether another follows: Nova's and Cinder's `*_links` `next`,
 * which they add exactly when the page is as long as the limit after their own `max_limit` cap.
 */
export interface PodPage<T> {
  readonly items: readonly T[];
  readonly more: boolean;
}

export interface FederatedListSource<T> {
  readonly pods: readonly ListedPod[];
  /**
   * One page of the pod's items, already sorted by the request's sort keys (the pod sorts). Return
   * a PodPage when the pod says whether more follow: a bare array cannot tell a pod's last page from
   * one cut short by the pod's own max_limit, so only an empty one ends the pod's list (one more
   * round trip per pod whose items run out).
   */
  fetchPage(pod: ListedPod, request: PodPageRequest): Promise<readonly T[] | PodPage<T>>;
  /** The item's values for the sort keys, in key order (compared as the pod does, see sort-order.ts). */
  sortValues(item: T): readonly unknown[];
  id(item: T): string;
  /**
   * The marker item and its pod; null when no pod has it (listFederated then throws markerNotFound's
   * error). Rejects with the pod's failure when the pod that may hold it did not answer.
   */
  locateMarker(markerId: string, signal: AbortSignal): Promise<{ readonly pod: ListedPod; readonly item: T } | null>;
  /**
   * The API's answer for a marker no pod has, in that API's words: Nova's 400 `marker [<id>] not
   * found` (MarkerNotFoundError) when absent; Cinder's 404 of the listed resource ("Volume <id> could
   * not be found.", as its db layer's get of the marker raises).
   */
  readonly markerNotFound?: (markerId: string) => Error;
  /**
   * The largest page podgate answers and asks a pod for (Nova's and Cinder's `osapi_max_limit`,
   * default 1000): a larger `limit` is capped to it, as Nova caps it.
   */
  readonly maxPageSize?: number;
  /** Ascending order of one key's values when the pods' differs from compareSortValues (e.g. another collation). */
  readonly compareValues?: ValueComparator;
}

export interface FederatedListRequest {
  /** A whole number from 0; above the source's maxPageSize it is capped. */
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
