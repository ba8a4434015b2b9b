// Where a merged list over pods' own APIs starts: the marker found in its pod, an unknown marker
// answered in the list API's own words, and a marker whose pod is down answered as that outage.
import type { ForwardedResponse, ForwardRequest } from '@podgate/openstack';
import { PodUnreachableError, UpstreamError } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { DomainError } from '@podgate/kernel';
import { listFederated, MarkerNotFoundError, type SortKey } from './federated-list';
import { type PodCollection, PodListSource } from './pod-list-source';

type Json = Record<string, unknown>;

const pod = (n: number) => ({ podId: `pod-${n}`, name: `Pod${n}`, registrationSeq: BigInt(n) }) as PodView;
const PODS = [pod(1), pod(2)];
const SORT: SortKey[] = [{ key: 'id', dir: 'asc' }];
const NOT_FOUND = { itemNotFound: { code: 404, message: 'Snapshot s-9 could not be found.' } };
const answer = (status: number, body: unknown): ForwardedResponse => ({
  status,
  body,
  headers: {},
  podBaseUrl: 'http://pod/v3/p',
});

class SnapshotNotFoundError extends DomainError {
  readonly code = 'TEST.SNAPSHOT_NOT_FOUND';
  readonly kind = 'itemNotFound';
}

function collection(markerNotFound?: (id: string) => Error): PodCollection<Json> {
  return {
    service: 'volume',
    listPath: '/snapshots/detail',
    listKey: 'snapshots',
    memberKey: 'snapshot',
    podQuery: () => 'limit=10',
    item: (raw) => raw,
    sortValues: (item) => [item.id],
    id: (item) => String(item.id),
    ...(markerNotFound ? { markerNotFound } : {}),
  };
}

/** A source whose pods answer GET /snapshots/<id> as `shows` says (per pod), and empty lists. */
function source(
  shows: (ForwardedResponse | Error)[],
  options: { routed?: PodView; markerNotFound?: (id: string) => Error } = {},
) {
  const forward = jest.fn((call: ForwardRequest) => {
    if (call.path.endsWith('/detail')) return Promise.resolve(answer(200, { snapshots: [] }));
    const given = shows[PODS.findIndex((p) => p.podId === call.pod.podId)];
    return given instanceof Error ? Promise.reject(given) : Promise.resolve(given);
  });
  return new PodListSource(collection(options.markerNotFound), {
    proxy: { forward },
    pods: PODS,
    sortKeys: SORT,
    forward: { token: 't' },
    projectId: 'p',
    timeoutMs: 1000,
    routeOf: () => Promise.resolve(options.routed ?? null),
  });
}

const listAfter = (from: PodListSource<Json>, marker: string) =>
  listFederated(from, { limit: 5, marker, sortKeys: SORT, podTimeoutMs: 1000 });

describe('PodListSource markers', () => {
  it('starts after the marker in the pod that has it', async () => {
    const page = await listAfter(source([answer(404, NOT_FOUND), answer(200, { snapshot: { id: 's-1' } })]), 's-1');
    expect(page).toEqual({ items: [], hasMore: false, failedPods: [] });
  });

  it('answers an unknown marker in the list API’s own words (Cinder’s 404), Nova’s 400 when the API names none', async () => {
    const missing = [answer(404, NOT_FOUND), answer(404, NOT_FOUND)];
    const cinder = await listAfter(
      source(missing, { markerNotFound: (id) => new SnapshotNotFoundError(`Snapshot ${id} could not be found.`) }),
      's-9',
    ).catch((e: unknown) => e);
    expect(cinder).toBeInstanceOf(SnapshotNotFoundError);
    expect(cinder).toMatchObject({ kind: 'itemNotFound', message: 'Snapshot s-9 could not be found.' });
    const nova = await listAfter(source(missing), 's-9').catch((e: unknown) => e);
    expect(nova).toBeInstanceOf(MarkerNotFoundError);
    expect(nova).toMatchObject({ kind: 'badRequest', message: 'marker [s-9] not found' });
  });

  it('answers the routed pod’s outage (503) when the marker’s pod cannot be reached, not “not found”', async () => {
    const down = new PodUnreachableError('Pod2 volume', 'connection refused', 'ECONNREFUSED');
    await expect(listAfter(source([answer(404, NOT_FOUND), down], { routed: PODS[1] }), 's-1')).rejects.toBe(down);
  });

  it('answers the routed pod’s 5xx as a 503 naming “<pod> volume”', async () => {
    const failing = answer(503, { overLimit: { code: 503, message: 'injected' } });
    const error = await listAfter(source([answer(404, NOT_FOUND), failing], { routed: PODS[1] }), 's-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ upstream: 'Pod2 volume', kind: 'serviceUnavailable', status: 503 });
  });

  it('answers a failed pod’s outage when no pod that answered has an unrouted marker', async () => {
    const down = new PodUnreachableError('Pod1 volume', 'connection refused', 'ECONNREFUSED');
    await expect(listAfter(source([down, answer(404, NOT_FOUND)]), 's-1')).rejects.toBe(down);
    const found = await listAfter(source([down, answer(200, { snapshot: { id: 's-1' } })]), 's-1');
    expect(found.items).toEqual([]);
  });
});
