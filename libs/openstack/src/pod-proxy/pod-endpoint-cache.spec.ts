import { PodEndpointCache, parseEndpoint } from './pod-endpoint-cache';

describe('parseEndpoint', () => {
  it('splits an endpoint once, keeping a project template verbatim', () => {
    expect(parseEndpoint('http://10.0.0.6:8776/v3/%(project_id)s')).toEqual({
      origin: 'http://10.0.0.6:8776',
      secure: false,
      hostname: '10.0.0.6',
      port: 8776,
      pathTemplate: '/v3/%(project_id)s',
      templated: true,
    });
    expect(parseEndpoint('https://[::1]/compute/v2.1/')).toMatchObject({
      origin: 'https://[::1]',
      hostname: '::1',
      port: 443,
      pathTemplate: '/compute/v2.1',
      templated: false,
    });
    expect(parseEndpoint('http://pod:8774')).toMatchObject({ pathTemplate: '', port: 8774 });
  });
});

describe('PodEndpointCache', () => {
  let now = 0;
  let answers: string[];
  const asked: string[] = [];
  const keystone = {
    endpointFor: (region: string, type: string) => {
      asked.push(`${region}/${type}`);
      const answer = answers.shift();
      return answer ? Promise.resolve(answer) : Promise.reject(new Error('catalog down'));
    },
  };
  const cache = new PodEndpointCache(keystone, 60_000, () => now);
  const pod = (compute: string | null = null) => ({ podId: 'p1', name: 'Pod1', endpoints: { compute } });

  beforeEach(() => {
    asked.length = 0;
    now = 1_000_000;
  });

  const settled = () => new Promise((resolve) => setImmediate(resolve));

  it('trusts a catalog answer for the time given, then asks again while still serving it', async () => {
    answers = ['http://a:1/v2.1', 'http://b:2/v2.1'];
    expect(await cache.resolve(pod(), 'compute')).toMatchObject({ origin: 'http://a:1' });
    now += 59_000;
    expect(cache.resolve(pod(), 'compute')).toMatchObject({ origin: 'http://a:1' }); // synchronously
    now += 2000;
    expect(cache.resolve(pod(), 'compute')).toMatchObject({ origin: 'http://a:1' }); // stale, being refreshed
    expect(cache.resolve(pod(), 'compute')).toMatchObject({ origin: 'http://a:1' }); // one refresh at a time
    await settled();
    expect(cache.resolve(pod(), 'compute')).toMatchObject({ origin: 'http://b:2' });
    expect(asked).toEqual(['Pod1/compute', 'Pod1/compute']);
  });

  it('keeps serving the last endpoint while Keystone cannot answer, asking again every few seconds', async () => {
    const fresh = new PodEndpointCache(keystone, 60_000, () => now, 5000);
    answers = ['http://a:1/v2.1'];
    expect(await fresh.resolve(pod(), 'compute')).toMatchObject({ origin: 'http://a:1' });
    now += 61_000;
    answers = []; // the catalog is down
    expect(fresh.resolve(pod(), 'compute')).toMatchObject({ origin: 'http://a:1' });
    await settled();
    expect(fresh.resolve(pod(), 'compute')).toMatchObject({ origin: 'http://a:1' });
    expect(asked).toHaveLength(2); // not on every call
    now += 5000;
    answers = ['http://b:2/v2.1'];
    expect(fresh.resolve(pod(), 'compute')).toMatchObject({ origin: 'http://a:1' });
    await settled();
    expect(fresh.resolve(pod(), 'compute')).toMatchObject({ origin: 'http://b:2' });
    expect(asked).toHaveLength(3);
  });

  it('does not remember a failed look-up, and follows a changed override at once', async () => {
    answers = [];
    await expect(cache.resolve({ ...pod(), podId: 'p9' }, 'volume')).rejects.toThrow('catalog down');
    answers = ['http://c:3/v3/%(project_id)s'];
    expect(await cache.resolve({ ...pod(), podId: 'p9' }, 'volume')).toMatchObject({ origin: 'http://c:3' });
    expect(await cache.resolve(pod('http://override:9/v2.1'), 'compute')).toMatchObject({ origin: 'http://override:9' });
    now += 10 * 60_000; // an override never expires, but a new one replaces it
    expect(cache.resolve(pod('http://override:9/v2.1'), 'compute')).toMatchObject({ origin: 'http://override:9' });
    expect(await cache.resolve(pod('http://other:9/v2.1'), 'compute')).toMatchObject({ origin: 'http://other:9' });
    expect(asked).toEqual(['Pod1/volumev3', 'Pod1/volumev3']);
  });
});
