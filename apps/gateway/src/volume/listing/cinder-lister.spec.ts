import type { ModuleRef } from '@nestjs/core';
import type { QueryBus } from '@nestjs/cqrs';
import type { PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import type { ForwardedResponse, ForwardRequest, PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { apiLinkBase } from '../../api/links';
import { VOLUME_API } from '../../api/service-api';
import { parseVolumeListQuery } from '../volumes/list/volume-list.params';
import { VOLUMES, volumeSummary } from '../volumes/volumes.collection';
import type { ListedCinderItem } from './cinder-collection';
import { CinderLister, type CinderListRequest } from './cinder-lister';

type Json = Record<string, unknown>;

const podOf = (n: number): PodView =>
  ({ podId: `p${n}`, name: `Pod${n}`, azName: `az${n}`, podAzName: `az${n}`, registrationSeq: BigInt(n) }) as PodView;

/**
 * A pod's Cinder /volumes/detail as Cinder pages it: newest first, osapi_max_limit 1000, marker,
 * a next link exactly when the page is as long as its capped limit, `count` with with_count.
 */
function fakeCinder(volumesPerPod: ReadonlyMap<string, number>, down: ReadonlySet<string> = new Set()) {
  const calls: ForwardRequest[] = [];
  type FakeVolume = Json & { id: string; created_at: string };
  const volumesOf = (podId: string): FakeVolume[] =>
    Array.from({ length: volumesPerPod.get(podId) ?? 0 }, (_, i) => ({
      id: `${podId}-${String(i).padStart(5, '0')}`,
      // Pods interleave: pod 1's i-th volume and pod 2's i-th share a second, ids break the tie.
      created_at: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      availability_zone: `az${podId.slice(1)}`,
      volume_type_id: `${podId}-type`,
    })).reverse();
  const proxy: Pick<PodProxy, 'forward'> = {
    forward: async (request) => {
      calls.push(request);
      if (down.has(request.pod.podId)) throw new Error('connection refused');
      const query = new URLSearchParams(request.query ?? '');
      if (request.path !== '/volumes/detail') {
        const volume = volumesOf(request.pod.podId).find((v) => `/volumes/${v.id}` === request.path);
        return { status: volume ? 200 : 404, headers: {}, body: { volume }, podBaseUrl: 'http://pod/v3' } as ForwardedResponse;
      }
      const all = volumesOf(request.pod.podId).sort((a, b) =>
        a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1,
      );
      const marker = query.get('marker');
      const start = marker === null ? 0 : all.findIndex((v) => v.id === marker) + 1;
      const limit = Math.min(Number(query.get('limit') ?? 1000), 1000);
      const volumes = all.slice(start, start + limit);
      const body: Json = { volumes };
      if (volumes.length === limit) body.volumes_links = [{ rel: 'next', href: 'http://pod/v3/volumes/detail?marker=x' }];
      if (query.get('with_count') === 'true') body.count = all.length;
      return { status: 200, headers: {}, body, podBaseUrl: 'http://pod/v3' } as ForwardedResponse;
    },
  };
  return { proxy, calls };
}

const config = { upstream: { timeoutMs: 5000, listTimeoutMs: 5000 }, http: { publicUrl: 'http://gw' } } as Pick<
  PodgateConfig,
  'upstream' | 'http'
>;
const context = { caller: { projectId: 'proj', userId: 'u', roles: ['member'] } } as unknown as RequestContext;
const base = apiLinkBase(VOLUME_API, 'http://gw');

function listerOver(pods: readonly PodView[], proxy: Pick<PodProxy, 'forward'>): CinderLister {
  const queries = { execute: async () => [...pods] } as unknown as QueryBus;
  return new CinderLister(queries, {} as ModuleRef, proxy, config);
}

const listRequest = (query: string, extra: Partial<CinderListRequest> = {}): CinderListRequest => {
  const params = parseVolumeListQuery(query);
  return {
    collection: VOLUMES,
    kind: 'detail',
    routedAs: 'volume',
    params,
    allTenants: false,
    context,
    forward: { token: 't' },
    links: { base, pairs: params.pairs },
    summary: volumeSummary,
    markerRouted: false,
    ...extra,
  };
};

const idsOf = (answer: Json) => (answer.volumes as Json[]).map((v) => v.id);

describe('CinderLister offset past osapi_max_limit', () => {
  const pods = [podOf(1), podOf(2)];
  const cinder = fakeCinder(
    new Map([
      ['p1', 750],
      ['p2', 750],
    ]),
  );
  const lister = listerOver(pods, cinder.proxy);

  it('answers a full page after the offset, with the next link, however far the window reaches', async () => {
    const first = await lister.list(listRequest(''));
    expect(first.volumes).toHaveLength(1000);
    const page = await lister.list(listRequest('offset=500'));
    expect(page.volumes).toHaveLength(1000);
    expect(idsOf(page)).toEqual([
      ...idsOf(first).slice(500),
      ...idsOf(await lister.list(listRequest(`marker=${String(idsOf(first)[999])}`))).slice(0, 500),
    ]);
    const links = page.volumes_links as { rel: string; href: string }[];
    expect(links).toEqual([
      { rel: 'next', href: `http://gw/volume/v3/volumes/detail?offset=500&marker=${String(idsOf(page)[999])}` },
    ]);
  });

  it('answers the rest of the list after a deep offset, and no next link for a short page', async () => {
    const page = await lister.list(listRequest('offset=1400&limit=200'));
    expect(page.volumes).toHaveLength(100);
    expect(page).not.toHaveProperty('volumes_links');
  });
});

describe('CinderLister with_count', () => {
  const pods = [podOf(1), podOf(2), podOf(3)];

  it('answers the sum of every pod’s count, and Cinder’s next link while limit <= count', async () => {
    const lister = listerOver(
      pods,
      fakeCinder(
        new Map([
          ['p1', 3],
          ['p2', 4],
          ['p3', 0],
        ]),
      ).proxy,
    );
    const page = await lister.list(listRequest('with_count=true&limit=5', { withCount: true }));
    expect(page.count).toBe(7);
    expect(page.volumes).toHaveLength(5);
    const last = await lister.list(listRequest(`with_count=true&limit=5&marker=${String(idsOf(page)[4])}`, { withCount: true }));
    expect(last.volumes).toHaveLength(2);
    expect(last.count).toBe(7);
    // Cinder's quirk: with a count, a short last page still links on (limit 5 <= count 7).
    expect(last.volumes_links).toBeDefined();
    const all = await lister.list(listRequest('with_count=true&limit=10', { withCount: true }));
    expect(all).not.toHaveProperty('volumes_links');
  });

  it('leaves the count out when a pod failed (a partial sum would be wrong), and when not asked', async () => {
    const lister = listerOver(
      pods,
      fakeCinder(
        new Map([
          ['p1', 3],
          ['p2', 4],
        ]),
        new Set(['p3']),
      ).proxy,
    );
    const page = await lister.list(listRequest('with_count=true', { withCount: true }));
    expect(page.volumes).toHaveLength(7);
    expect(page).not.toHaveProperty('count');
    const plain = await listerOver(pods, fakeCinder(new Map([['p1', 3]])).proxy).list(listRequest('with_count=true'));
    expect(plain).not.toHaveProperty('count');
  });
});

describe('CinderLister item view', () => {
  it('shows the page’s items through viewItems (volumes: podgate’s type ids)', async () => {
    const lister = listerOver([podOf(1)], fakeCinder(new Map([['p1', 2]])).proxy);
    const viewItems = async (items: readonly ListedCinderItem[]) =>
      items.map((listed) => ({ ...listed, item: { ...listed.item, volume_type_id: 'gw-type' } }));
    const page = await lister.list(listRequest('', { viewItems }));
    expect((page.volumes as Json[]).map((v) => v.volume_type_id)).toEqual(['gw-type', 'gw-type']);
  });
});
