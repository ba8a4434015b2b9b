// The merged list against pods in memory: whatever the sort, paging through it yields every item
// exactly once in the one correct order, and broken pods only lose their own items.
import { PodUnreachableError, UpstreamError } from '@podgate/openstack';
import {
  type FederatedListSource,
  listFederated,
  MarkerLookupTimeoutError,
  MarkerNotFoundError,
  type SortKey,
} from './federated-list';
import { expectedOrder, generateRows, InMemoryPod, inMemorySource, type PodBehaviour, type Row } from './testing/in-memory-pods';

const listed = (n: number) => ({ podId: `pod-${n}`, name: `Pod${n}`, index: n });
const threePods = (behaviour: PodBehaviour = {}) => [
  new InMemoryPod(listed(1), generateRows('a', 47, 1), behaviour),
  new InMemoryPod(listed(2), generateRows('b', 61, 2), behaviour),
  new InMemoryPod(listed(3), generateRows('c', 38, 3), behaviour),
];

async function pageThrough(
  source: FederatedListSource<Row>,
  sortKeys: readonly SortKey[],
  limit: number,
  pageLength = limit,
): Promise<string[][]> {
  const pages: string[][] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await listFederated(source, { limit, marker, sortKeys, podTimeoutMs: 5000 });
    expect(page.failedPods).toEqual([]);
    pages.push(page.items.map((row) => row.id));
    if (!page.hasMore) return pages;
    expect(page.items).toHaveLength(pageLength);
    marker = page.items[page.items.length - 1].id;
    if (pages.length > 1000) throw new Error('paging never ends');
  }
}

const SORTS: Record<string, SortKey[]> = {
  'created_at desc (the default)': [{ key: 'created', dir: 'desc' }],
  'created_at asc': [{ key: 'created', dir: 'asc' }],
  'name asc (NULLs first)': [{ key: 'name', dir: 'asc' }],
  'name desc (NULLs last)': [{ key: 'name', dir: 'desc' }],
  'size asc, name desc, created asc': [
    { key: 'size', dir: 'asc' },
    { key: 'name', dir: 'desc' },
    { key: 'created', dir: 'asc' },
  ],
};

describe('listFederated', () => {
  describe.each(Object.entries(SORTS))('sorted by %s', (_name, sortKeys) => {
    it('pages by 7 through 3 pods (146 items) reassembling the full sorted list exactly', async () => {
      const pods = threePods();
      const pages = await pageThrough(inMemorySource(pods, sortKeys), sortKeys, 7);
      expect(pages.flat()).toEqual(expectedOrder(pods, sortKeys));
      expect(pages.map((page) => page.length)).toEqual([...Array<number>(20).fill(7), 6]);
    });

    it('does the same when pods cap their pages at 5 items, and so does the source', async () => {
      const pods = threePods({ maxLimit: 5 });
      const source = inMemorySource(pods, sortKeys, { maxPageSize: 5 });
      expect((await pageThrough(source, sortKeys, 3)).flat()).toEqual(expectedOrder(pods, sortKeys));
      expect((await pageThrough(source, sortKeys, 1000, 5)).flat()).toEqual(expectedOrder(pods, sortKeys));
    });

    // A pod's own osapi_max_limit may be below podgate's: its full pages then look short.
    it.each<[string, PodBehaviour]>([
      ['a bare list', { maxLimit: 5 }],
      ['a list with next links', { maxLimit: 5, nextLinks: true }],
    ])('loses nothing when pods cap their pages below the source’s maximum (%s)', async (_name, behaviour) => {
      const pods = threePods(behaviour);
      const source = inMemorySource(pods, sortKeys);
      expect((await pageThrough(source, sortKeys, 7)).flat()).toEqual(expectedOrder(pods, sortKeys));
      expect((await pageThrough(source, sortKeys, 1000)).flat()).toEqual(expectedOrder(pods, sortKeys));
    });

    it('continues right after a marker taken from any pod', async () => {
      const pods = threePods();
      const order = expectedOrder(pods, sortKeys);
      for (const pod of pods) {
        for (const row of [pod.rows[0], pod.rows[20], pod.rows[pod.rows.length - 1]]) {
          const page = await listFederated(inMemorySource(pods, sortKeys), {
            limit: 10,
            marker: row.id,
            sortKeys,
            podTimeoutMs: 5000,
          });
          const at = order.indexOf(row.id);
          expect(page.items.map((r) => r.id)).toEqual(order.slice(at + 1, at + 11));
          expect(page.hasMore).toBe(at + 11 < order.length);
        }
      }
    });
  });

  it('breaks ties across pods by registration index, not by the order the source lists pods in', async () => {
    const same = (prefix: string) =>
      Array.from({ length: 4 }, (_, i) => ({ id: `${prefix}${i}`, seq: i, name: 'x', size: 1, created: '2024-05-01T00:00:00Z' }));
    const pods = [
      new InMemoryPod(listed(3), same('c')),
      new InMemoryPod(listed(1), same('a')),
      new InMemoryPod(listed(2), same('b')),
    ];
    const sortKeys: SortKey[] = [{ key: 'size', dir: 'desc' }];
    const pages = await pageThrough(inMemorySource(pods, sortKeys), sortKeys, 3);
    expect(pages).toEqual([
      ['a3', 'a2', 'a1'],
      ['a0', 'b3', 'b2'],
      ['b1', 'b0', 'c3'],
      ['c2', 'c1', 'c0'],
    ]);
  });

  it('asks each pod once for limit + 1 items on a first page, and few times for a marker deep in the list', async () => {
    const sortKeys = SORTS['created_at asc'];
    const pods = threePods();
    const first = await listFederated(inMemorySource(pods, sortKeys), { limit: 7, sortKeys, podTimeoutMs: 5000 });
    expect(first.hasMore).toBe(true);
    expect(pods.map((pod) => pod.calls)).toEqual([[{ limit: 8 }], [{ limit: 8 }], [{ limit: 8 }]]);

    const deep = expectedOrder(pods, sortKeys)[120];
    for (const pod of pods) pod.calls.length = 0;
    await listFederated(inMemorySource(pods, sortKeys), { limit: 7, marker: deep, sortKeys, podTimeoutMs: 5000 });
    for (const pod of pods) expect(pod.calls.length).toBeLessThanOrEqual(4);
  });

  it('ends a pod’s share on the pod’s word when it gives one, else on an empty page', async () => {
    const sortKeys = SORTS['created_at asc'];
    const few = (behaviour: PodBehaviour) => [
      new InMemoryPod(listed(1), generateRows('a', 3, 1), behaviour),
      new InMemoryPod(listed(2), generateRows('b', 4, 2), behaviour),
    ];
    const linked = few({ nextLinks: true });
    const page = await listFederated(inMemorySource(linked, sortKeys), { limit: 10, sortKeys, podTimeoutMs: 1000 });
    expect(page.items.map((row) => row.id)).toEqual(expectedOrder(linked, sortKeys));
    expect(linked.map((pod) => pod.calls.length)).toEqual([1, 1]);
    const bare = few({});
    await listFederated(inMemorySource(bare, sortKeys), { limit: 10, sortKeys, podTimeoutMs: 1000 });
    // Without the pod's word, a short page may be one cut at the pod's own max_limit: one more call.
    expect(bare.map((pod) => pod.calls.map((c) => c.marker))).toEqual(
      bare.map((pod) => [undefined, pod.sorted(sortKeys).at(-1)?.id]),
    );
  });

  it('caps the limit at the source’s page maximum, and refuses one that is no count', async () => {
    const sortKeys = SORTS['created_at asc'];
    const pods = threePods();
    const source = inMemorySource(pods, sortKeys, { maxPageSize: 5 });
    const page = await listFederated(source, { limit: 1e9, sortKeys, podTimeoutMs: 1000 });
    expect(page.items.map((row) => row.id)).toEqual(expectedOrder(pods, sortKeys).slice(0, 5));
    expect(page.hasMore).toBe(true);
    for (const pod of pods) expect(pod.calls.length).toBeLessThanOrEqual(2);
    for (const [limit, message] of [
      [Number.NaN, 'limit param must be an integer'],
      [Infinity, 'limit param must be an integer'],
      [-1, 'limit param must be positive'],
    ] as const) {
      await expect(listFederated(source, { limit, sortKeys, podTimeoutMs: 1000 })).rejects.toMatchObject({
        kind: 'badRequest',
        message,
      });
    }
  });

  it('reports no next page when the last page is exactly full', async () => {
    const sortKeys = SORTS['created_at desc (the default)'];
    const pods = [new InMemoryPod(listed(1), generateRows('a', 6, 7)), new InMemoryPod(listed(2), generateRows('b', 8, 8))];
    const pages = await pageThrough(inMemorySource(pods, sortKeys), sortKeys, 7);
    expect(pages.map((page) => page.length)).toEqual([7, 7]);
  });

  it('lists the other pods when one fails and one is too slow, naming both, within the pod timeout', async () => {
    const sortKeys = SORTS['created_at desc (the default)'];
    const healthy = [new InMemoryPod(listed(1), generateRows('a', 30, 1)), new InMemoryPod(listed(4), generateRows('d', 30, 4))];
    const broken = new InMemoryPod(listed(2), generateRows('b', 30, 2), {
      failWith: new PodUnreachableError('Pod2 compute', 'connection refused', 'ECONNREFUSED'),
    });
    const slow = new InMemoryPod(listed(3), generateRows('c', 30, 3), { delayMs: 10_000, ignoreSignal: true });
    const began = Date.now();
    const page = await listFederated(inMemorySource([...healthy, broken, slow], sortKeys), {
      limit: 25,
      sortKeys,
      podTimeoutMs: 150,
    });
    expect(Date.now() - began).toBeLessThan(1000);
    expect(page.items.map((row) => row.id)).toEqual(expectedOrder(healthy, sortKeys).slice(0, 25));
    expect(page.hasMore).toBe(true);
    expect(page.failedPods).toEqual([
      { pod: listed(2), reason: 'Pod2 compute is unreachable: connection refused.' },
      { pod: listed(3), reason: 'no answer within 150 ms' },
    ]);
  });

  it('cancels a slow pod through its signal, and a pod looping on one page fails alone', async () => {
    const sortKeys = SORTS['created_at asc'];
    const slow = new InMemoryPod(listed(1), generateRows('a', 5, 1), { delayMs: 10_000 });
    const looping = new InMemoryPod(listed(2), generateRows('b', 50, 2), { ignoreMarker: true, maxLimit: 5 });
    const fine = new InMemoryPod(listed(3), generateRows('c', 5, 3));
    const page = await listFederated(inMemorySource([slow, looping, fine], sortKeys), {
      limit: 20,
      sortKeys,
      podTimeoutMs: 100,
    });
    expect(page.items.map((row) => row.id)).toEqual(expectedOrder([fine], sortKeys));
    expect(slow.signals).toHaveLength(1);
    expect(slow.signals[0].aborted).toBe(true);
    expect(fine.signals.every((signal) => !signal.aborted)).toBe(true);
    expect(page.failedPods.map((f) => [f.pod.name, f.reason])).toEqual([
      ['Pod1', 'no answer within 100 ms'],
      ['Pod2', `Pod2 answered the same page twice (marker ${looping.sorted(sortKeys)[4].id} ignored)`],
    ]);
  });

  it('throws a pod’s request-level error (a 400) instead of hiding it as a failed pod', async () => {
    const sortKeys = SORTS['created_at asc'];
    const refusal = new UpstreamError('Pod2 compute', 400, 'badRequest', 'Invalid sort key');
    const pods = [new InMemoryPod(listed(1), generateRows('a', 5, 1)), new InMemoryPod(listed(2), [], { failWith: refusal })];
    await expect(listFederated(inMemorySource(pods, sortKeys), { limit: 5, sortKeys, podTimeoutMs: 1000 })).rejects.toBe(refusal);
  });

  it('throws MarkerNotFoundError (a 400 in Nova words) when no pod has the marker, and a 503 when the look-up hangs', async () => {
    const sortKeys = SORTS['created_at asc'];
    const pods = threePods();
    const error = await listFederated(inMemorySource(pods, sortKeys), {
      limit: 5,
      marker: 'nope',
      sortKeys,
      podTimeoutMs: 1000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MarkerNotFoundError);
    expect(error).toMatchObject({ kind: 'badRequest', message: 'marker [nope] not found' });
    expect(pods.every((pod) => pod.calls.length === 0)).toBe(true);

    const hanging = inMemorySource(pods, sortKeys, { locateMarker: () => new Promise(() => undefined) });
    await expect(listFederated(hanging, { limit: 5, marker: 'a-001', sortKeys, podTimeoutMs: 100 })).rejects.toBeInstanceOf(
      MarkerLookupTimeoutError,
    );
  });

  it('answers an empty page for limit 0 and for no pods', async () => {
    const sortKeys = SORTS['created_at asc'];
    const pods = threePods();
    expect(await listFederated(inMemorySource(pods, sortKeys), { limit: 0, sortKeys, podTimeoutMs: 1000 })).toEqual({
      items: [],
      hasMore: false,
      failedPods: [],
    });
    expect(pods.every((pod) => pod.calls.length === 0)).toBe(true);
    expect(await listFederated(inMemorySource([], sortKeys), { limit: 5, sortKeys, podTimeoutMs: 1000 })).toEqual({
      items: [],
      hasMore: false,
      failedPods: [],
    });
  });

  it('rejects when the caller aborts, cancelling every pod', async () => {
    const sortKeys = SORTS['created_at asc'];
    const pods = [1, 2].map((n) => new InMemoryPod(listed(n), generateRows(`p${n}`, 5, n), { delayMs: 10_000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('client went away')), 30);
    await expect(
      listFederated(inMemorySource(pods, sortKeys), { limit: 5, sortKeys, podTimeoutMs: 5000, signal: controller.signal }),
    ).rejects.toThrow('client went away');
    expect(pods.map((pod) => pod.signals.map((signal) => signal.aborted))).toEqual([[true], [true]]);
  });
});
