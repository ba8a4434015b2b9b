// CONTRACT STUB (session 3): the shape is fixed; the proxy-and-federation helper implements it.
// One mechanism for every merged list (servers now, volumes/snapshots/backups in issue 6).

export type SortDirection = 'asc' | 'desc';

export interface SortKey {
  readonly key: string;
  readonly dir: SortDirection;
}

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
  /** The marker item and its pod; null when no pod has it (the caller answers 400 "marker not found"). */
  locateMarker(markerId: string, signal: AbortSignal): Promise<{ readonly pod: ListedPod; readonly item: T } | null>;
}

export interface FederatedListRequest {
  readonly limit: number;
  readonly marker?: string;
  readonly sortKeys: readonly SortKey[];
  /** Each pod's whole share (all the pages it takes), after which the pod counts as failed. */
  readonly podTimeoutMs: number;
}

export interface FederatedPage<T> {
  /** At most `limit` items, globally sorted, each once. */
  readonly items: readonly T[];
  /** True when `limit` items were returned and at least one more exists (the caller adds a `next` link). */
  readonly hasMore: boolean;
  /** Pods that failed or timed out, with a reason for the log; their items are missing. */
  readonly failedPods: readonly { readonly pod: ListedPod; readonly reason: string }[];
}

export function listFederated<T>(source: FederatedListSource<T>, request: FederatedListRequest): Promise<FederatedPage<T>> {
  throw new Error(`listFederated not implemented yet (${source.pods.length} pods, limit ${request.limit})`);
}
