import type { PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import type { ForwardedResponse, PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { apiLinkBase } from '../../../api/links';
import { parseApiVersion } from '../../../api/microversion';
import { VOLUME_API } from '../../../api/service-api';
import type { CinderLister } from '../../listing/cinder-lister';
import { VolumeSummaries } from './volume-summary';
import { mergeVolumeSummaries } from './volume-summary.merge';

const summaryOf = (count: number, size: number, metadata?: Record<string, string[]>) => ({
  'volume-summary': { total_count: count, total_size: size, ...(metadata ? { metadata } : {}) },
});

describe('mergeVolumeSummaries', () => {
  it('sums counts and sizes, and lists each key’s distinct values once (3.36+)', () => {
    const merged = mergeVolumeSummaries(
      [summaryOf(2, 3, { env: ['prod', 'dev'], team: ['a'] }), summaryOf(1, 10, { env: ['dev', 'test'] })],
      true,
    );
    expect(merged).toEqual(summaryOf(3, 13, { env: ['prod', 'dev', 'test'], team: ['a'] }));
    expect(mergeVolumeSummaries([summaryOf(2, 3, { env: ['prod'] })], false)).toEqual(summaryOf(2, 3));
    expect(mergeVolumeSummaries([], true)).toEqual(summaryOf(0, 0, {}));
  });

  it('leaves podgate’s provisioning tag out of the metadata, values and all', () => {
    const tagged = summaryOf(2, 2, { 'podgate:provisioning_id': ['p1', 'p2'], env: ['prod'] });
    expect(mergeVolumeSummaries([tagged, summaryOf(1, 1, { 'podgate:provisioning_id': ['p3'] })], true)).toEqual(
      summaryOf(3, 3, { env: ['prod'] }),
    );
  });
});

describe('VolumeSummaries', () => {
  const pods = [1, 2].map((n) => ({ podId: `p${n}`, name: `Pod${n}`, azName: 'az', podAzName: 'az' }) as PodView);
  const lister = { podsToAsk: async () => ({ scope: 'proj', pods }) } as unknown as CinderLister;
  const config = { upstream: { timeoutMs: 1000, listTimeoutMs: 1000 } } as Pick<PodgateConfig, 'upstream'>;
  const context = { caller: { projectId: 'proj', userId: 'u', roles: [] } } as unknown as RequestContext;
  const answering = (byPod: Record<string, { status: number; body: unknown } | Error>): Pick<PodProxy, 'forward'> => ({
    forward: async (request) => {
      const answer = byPod[request.pod.podId];
      if (answer instanceof Error) throw answer;
      expect(request.path).toBe('/volumes/summary');
      return { ...answer, headers: {}, podBaseUrl: 'http://pod/v3' } as ForwardedResponse;
    },
  });
  const ask = (proxy: Pick<PodProxy, 'forward'>, version = '3.36') =>
    new VolumeSummaries(lister, proxy, config).summary({
      version: parseApiVersion(version),
      allTenants: false,
      context,
      forward: { method: 'GET', path: '/volumes/summary', token: 't' },
      linkBase: apiLinkBase(VOLUME_API, 'http://gw'),
    });

  it('answers every pod’s summary summed', async () => {
    const proxy = answering({
      p1: { status: 200, body: summaryOf(1, 5, { a: ['1'] }) },
      p2: { status: 200, body: summaryOf(2, 1, { a: ['2'] }) },
    });
    expect(await ask(proxy)).toEqual({ status: 200, body: summaryOf(3, 6, { a: ['1', '2'] }) });
    expect((await ask(proxy, '3.12')).body).toEqual(summaryOf(3, 6));
  });

  it('is a 503 naming the pod when one is down or failing, never a partial sum', async () => {
    const p1 = { status: 200, body: summaryOf(1, 5) };
    await expect(ask(answering({ p1, p2: { status: 500, body: 'oops' } }))).rejects.toMatchObject({ kind: 'serviceUnavailable' });
    await expect(ask(answering({ p1, p2: new Error('connection refused') }))).rejects.toThrow('connection refused');
  });

  it('answers a pod’s own refusal as it is', async () => {
    const refusal = { status: 403, body: { forbidden: { code: 403, message: 'Policy does not allow' } } };
    expect(await ask(answering({ p1: { status: 200, body: summaryOf(1, 5) }, p2: refusal }))).toEqual(refusal);
  });
});
