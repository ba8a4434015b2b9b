// Pods as lists in memory, paging the way Nova on MySQL does (sorted by the request's keys in MySQL's
// order, its own id as the last key, limit capped by max_limit, marker = last id of the previous
// page, unknown marker = 400), and the order a correct merged list must have, computed
// independently of the code under test.
import type { FederatedListSource, ListedPod, PodPage, PodPageRequest, SortKey } from '../federated-list';

export interface Row {
  readonly id: string;
  /** The pod's internal id (Nova's integer `id`), its final sort key. */
  readonly seq: number;
  readonly name: string | null;
  readonly size: number;
  readonly created: string;
}

export interface PodBehaviour {
  readonly maxLimit?: number;
  readonly failWith?: Error;
  /** Each page takes this long; the signal cuts it short unless ignoreSignal. */
  readonly delayMs?: number;
  readonly ignoreSignal?: boolean;
  /** Answers the first page whatever the marker (a broken pod). */
  readonly ignoreMarker?: boolean;
  /** Says whether a next page follows, as Nova's `servers_links` does (a PodPage), instead of a bare array. */
  readonly nextLinks?: boolean;
}

export class InMemoryPod {
  readonly calls: { limit: number; marker?: string }[] = [];
  /** The signal of every call, to see which were cancelled. */
  readonly signals: AbortSignal[] = [];

  constructor(
    readonly listed: ListedPod,
    readonly rows: readonly Row[],
    readonly behaviour: PodBehaviour = {},
  ) {}

  sorted(sortKeys: readonly SortKey[]): Row[] {
    const keys = [...sortKeys, { key: 'seq', dir: sortKeys[0]?.dir ?? 'desc' }];
    return [...this.rows].sort((a, b) => {
      for (const { key, dir } of keys) {
        const order = sqlOrder(a[key as keyof Row], b[key as keyof Row]);
        if (order) return dir === 'asc' ? order : -order;
      }
      return 0;
    });
  }

  async page(sortKeys: readonly SortKey[], request: PodPageRequest): Promise<Row[] | PodPage<Row>> {
    this.calls.push({ limit: request.limit, marker: request.marker });
    this.signals.push(request.signal);
    if (this.behaviour.delayMs) await sleep(this.behaviour.delayMs, this.behaviour.ignoreSignal ? undefined : request.signal);
    if (this.behaviour.failWith) throw this.behaviour.failWith;
    const sorted = this.sorted(sortKeys);
    let start = 0;
    if (request.marker !== undefined && !this.behaviour.ignoreMarker) {
      start = sorted.findIndex((row) => row.id === request.marker) + 1;
      if (start === 0) throw new Error(`marker [${request.marker}] not found in ${this.listed.name}`);
    }
    const limit = Math.min(request.limit, this.behaviour.maxLimit ?? 1000);
    const items = sorted.slice(start, start + limit);
    // Nova's _get_collection_links: a next link exactly when the page is as long as its capped limit.
    return this.behaviour.nextLinks ? { items, more: items.length === limit } : items;
  }
}

/**
 * MySQL's order in Nova's utf8_general_ci tables: NULL below everything, numbers by value, strings
 * case-insensitively with trailing spaces ignored (ties go to the next key). ASCII test data only:
 * upper-casing and trimming are then the whole collation.
 */
function sqlOrder(a: unknown, b: unknown): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const left = typeof a === 'string' ? a.replace(/ +$/, '').toUpperCase() : (a as number);
  const right = typeof b === 'string' ? b.replace(/ +$/, '').toUpperCase() : (b as number);
  return left < right ? -1 : left > right ? 1 : 0;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new Error('cancelled'))), { once: true });
  });

export function inMemorySource(
  pods: readonly InMemoryPod[],
  sortKeys: readonly SortKey[],
  extra: Partial<FederatedListSource<Row>> = {},
): FederatedListSource<Row> {
  const byId = new Map(pods.map((pod) => [pod.listed.podId, pod]));
  return {
    pods: pods.map((pod) => pod.listed),
    fetchPage: (listed, request) => (byId.get(listed.podId) as InMemoryPod).page(sortKeys, request),
    sortValues: (row) => sortKeys.map(({ key }) => row[key as keyof Row]),
    id: (row) => row.id,
    locateMarker: (markerId) => {
      for (const pod of pods) {
        const item = pod.rows.find((row) => row.id === markerId);
        if (item) return Promise.resolve({ pod: pod.listed, item });
      }
      return Promise.resolve(null);
    },
    ...extra,
  };
}

/** Every id in the one correct global order: sort values, then pod index, then the pod's own order. */
export function expectedOrder(pods: readonly InMemoryPod[], sortKeys: readonly SortKey[]): string[] {
  const entries = pods.flatMap((pod) => pod.sorted(sortKeys).map((row, rank) => ({ row, rank, index: pod.listed.index })));
  entries.sort((a, b) => {
    for (const { key, dir } of sortKeys) {
      const order = sqlOrder(a.row[key as keyof Row], b.row[key as keyof Row]);
      if (order) return dir === 'asc' ? order : -order;
    }
    return a.index - b.index || a.rank - b.rank;
  });
  return entries.map((entry) => entry.row.id);
}

/** Deterministic rows with many ties, within and across pods, and some NULL names. */
export function generateRows(podName: string, count: number, seed: number): Row[] {
  let state = seed >>> 0;
  const random = (n: number): number => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state % n;
  };
  // Collation cases: 'Beta'/'beta'/'beta ' are one value to MySQL; 'dbz' sorts before 'db_1' ('Z' < '_').
  const names = [null, 'alpha', 'Beta', 'beta', 'beta ', 'gamma', 'db_1', 'dbz', 'DBA', 'web-1', 'web-10', 'web-2'];
  return Array.from({ length: count }, (_, i) => ({
    id: `${podName}-${String(i).padStart(3, '0')}`,
    seq: i + 1,
    name: names[random(names.length)],
    size: 1 + random(4),
    created: `2024-05-0${1 + random(3)}T00:00:0${random(3)}Z`,
  }));
}
