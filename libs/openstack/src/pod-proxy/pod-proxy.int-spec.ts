// PodProxy on real loopback sockets: what a pod receives, what comes back, pooled connections, and
// every way a pod can fail to answer (all PodUnreachableError, none leaking the token).
import http from 'node:http';
import net from 'node:net';
import { closedPort, everythingIn } from '../testing/simulated-keystone';
import { unacceptingListener } from '../testing/local-servers';
import { PodUnreachableError } from '../pod-http/pod-http.errors';
import { ForwardPathInvalidError, ForwardRequestInvalidError } from './forward-path';
import { type ForwardRequest, PodProxy } from './pod-proxy';

const TOKEN = 'gAAAAAB-proxy-token-that-must-never-leak';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface FakePod {
  readonly url: string;
  readonly seen: Seen[];
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

const json = (res: http.ServerResponse, status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}): void =>
  void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));

async function fakePod(handler: Handler): Promise<FakePod> {
  const seen: Seen[] = [];
  let connections = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const podAt = (compute: string) => ({ podId: 'pod-1', name: 'Pod1', endpoints: { compute } });

function call(compute: string, overrides: Partial<ForwardRequest> = {}): ForwardRequest {
  return {
    pod: podAt(compute),
    service: 'compute',
    projectId: 'p-1',
    method: 'GET',
    path: '/servers',
    token: TOKEN,
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<PodUnreachableError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PodUnreachableError);
  expect(everythingIn(error)).not.toContain(TOKEN);
  return error as PodUnreachableError;
}

describe('PodProxy', () => {
  let proxy: PodProxy;
  const pods: FakePod[] = [];
  const started = async (handler: Handler): Promise<FakePod> => {
    const pod = await fakePod(handler);
    pods.push(pod);
    return pod;
  };

  beforeEach(() => (proxy = new PodProxy({ timeoutMs: 2000 })));
  afterEach(async () => {
    proxy.close();
    await Promise.all(pods.splice(0).map((pod) => pod.close()));
  });

  it('sends method, path below the endpoint, raw query, token, request id, extra headers and a JSON body', async () => {
    const pod = await started((_req, res) => json(res, 202, { server: { id: 's-1' } }, { 'x-compute-request-id': 'req-pod' }));
    const answer = await proxy.forward(
      call(`${pod.url}/compute/v2.1/%(project_id)s/`, {
        method: 'post',
        path: '/servers/s-1/action',
        query: 'a=1&a=2&b=%20x',
        headers: { 'OpenStack-API-Version': 'compute 2.79', 'X-Auth-Token': 'forged', Connection: 'upgrade', Host: 'evil' },
        body: { reboot: { type: 'SOFT' } },
        globalRequestId: 'req-11111111-2222-3333-4444-555555555555',
      }),
    );
    expect(answer).toEqual({
      status: 202,
      headers: expect.objectContaining({ 'content-type': 'application/json', 'x-compute-request-id': 'req-pod' }),
      body: { server: { id: 's-1' } },
      podBaseUrl: `${pod.url}/compute/v2.1/p-1`,
    });
    expect(answer.headers).not.toHaveProperty('connection');
    expect(answer.headers).not.toHaveProperty('content-length');
    const [request] = pod.seen;
    expect(request).toMatchObject({ method: 'POST', url: '/compute/v2.1/p-1/servers/s-1/action?a=1&a=2&b=%20x' });
    expect(JSON.parse(request.body)).toEqual({ reboot: { type: 'SOFT' } });
    expect(request.headers).toMatchObject({
      'x-auth-token': TOKEN,
      'openstack-api-version': 'compute 2.79',
      'x-openstack-request-id': 'req-11111111-2222-3333-4444-555555555555',
      'content-type': 'application/json',
      accept: 'application/json',
      host: pod.url.replace('http://', ''),
      connection: 'keep-alive',
    });
  });

  it('returns 4xx and 5xx answers as statuses, text as text, and an empty body as undefined', async () => {
    const pod = await started((req, res) => {
      if (req.url?.endsWith('/gone')) return json(res, 404, { itemNotFound: { code: 404, message: 'nope' } });
      if (req.url?.endsWith('/broken')) return void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>oops</h1>');
      if (req.url?.endsWith('/liar')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('not json');
      res.writeHead(204).end();
    });
    const base = `${pod.url}/compute/v2.1`;
    await expect(proxy.forward(call(base, { path: '/gone' }))).resolves.toMatchObject({
      status: 404,
      body: { itemNotFound: { code: 404, message: 'nope' } },
    });
    await expect(proxy.forward(call(base, { path: '/broken' }))).resolves.toMatchObject({ status: 500, body: '<h1>oops</h1>' });
    await expect(proxy.forward(call(base, { path: '/liar' }))).resolves.toMatchObject({ status: 200, body: 'not json' });
    const empty = await proxy.forward(call(base, { method: 'DELETE', path: '/servers/s-1' }));
    expect(empty).toMatchObject({ status: 204, body: undefined });
    expect(pod.seen[3].headers).not.toHaveProperty('content-type');
  });

  it('reuses one keep-alive connection for sequential calls and bounds concurrent ones per pod', async () => {
    const pod = await started((_req, res) => setTimeout(() => json(res, 200, { ok: true }), 20));
    const base = `${pod.url}/compute/v2.1`;
    for (let i = 0; i < 5; i += 1) await proxy.forward(call(base));
    expect(pod.connections()).toBe(1);

    const bounded = new PodProxy({ timeoutMs: 2000, maxSocketsPerPod: 2 });
    try {
      const other = await started((_req, res) => setTimeout(() => json(res, 200, {}), 30));
      const answers = await Promise.all(Array.from({ length: 6 }, () => bounded.forward(call(`${other.url}/v2.1`))));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(other.connections()).toBe(2);
    } finally {
      bounded.close();
    }
  });

  it('gives up after the whole-request timeout with PodUnreachableError, and the call options can shorten it', async () => {
    const pod = await started(() => undefined); // never answers
    const started_ = Date.now();
    const error = await failureOf(proxy.forward(call(`${pod.url}/v2.1`, { timeoutMs: 150 })));
    expect(Date.now() - started_).toBeLessThan(1000);
    expect(error).toMatchObject({ kind: 'serviceUnavailable', networkCode: 'ETIMEDOUT' });
    expect(error.message).toBe('Pod1 compute is unreachable: no answer within 150 ms.');
  });

  it('reports a refused connection and a connect that never completes, within the connect timeout', async () => {
    const refused = await failureOf(proxy.forward(call(`http://127.0.0.1:${await closedPort()}/v2.1`)));
    expect(refused.message).toBe('Pod1 compute is unreachable: connection refused.');

    const listener = await unacceptingListener();
    const quick = new PodProxy({ timeoutMs: 5000, connectTimeoutMs: 200 });
    try {
      const began = Date.now();
      const error = await failureOf(quick.forward(call(`http://127.0.0.1:${listener.port}/v2.1`)));
      expect(Date.now() - began).toBeLessThan(2000);
      expect(error.message).toBe('Pod1 compute is unreachable: no connection within 200 ms.');
    } finally {
      quick.close();
      listener.close();
    }
  });

  it('stops when the caller aborts, before or during the call', async () => {
    const pod = await started(() => undefined);
    const controller = new AbortController();
    const pending = proxy.forward(call(`${pod.url}/v2.1`, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    expect((await failureOf(pending)).message).toBe('Pod1 compute is unreachable: request cancelled.');
    await failureOf(proxy.forward(call(`${pod.url}/v2.1`, { signal: AbortSignal.abort() })));
  });

  it('reports a pod that drops the connection in the middle of its answer', async () => {
    const pod = await started((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' }).write('{"servers": [');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    expect((await failureOf(proxy.forward(call(`${pod.url}/v2.1`)))).networkCode).toBe('ECONNRESET');
  });

  it('resends a safe call (GET, HEAD, OPTIONS) once when its pooled socket was closed by the pod, never a write', async () => {
    // A raw pod answering the first request of each connection and dropping the next one unanswered,
    // as a server closing an idle keep-alive connection while podgate writes on it.
    let accepted = 0;
    const server = net.createServer((socket) => {
      accepted += 1;
      let requests = 0;
      socket.on('data', () => {
        requests += 1;
        if (requests > 1) return void socket.destroy();
        socket.write(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\n{}',
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/v2.1`;
    try {
      await proxy.forward(call(base));
      await expect(proxy.forward(call(base))).resolves.toMatchObject({ status: 200 });
      expect(accepted).toBe(2);
      // A PUT or DELETE is idempotent by RFC, yet a pod may have acted on it before the socket
      // broke (Nova's DELETE starts the deletion): sending it again could act twice or answer 404.
      for (const method of ['POST', 'PUT', 'DELETE']) {
        const error = await failureOf(proxy.forward(call(base, { method, body: {} })));
        expect(error.networkCode).toBe('ECONNRESET');
        await proxy.forward(call(base)); // a fresh connection, pooled for the next write to fail on
      }
      expect(accepted).toBe(5);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses paths that would leave the routed resource, sending nothing', async () => {
    const pod = await started((_req, res) => json(res, 200, {}));
    for (const path of [
      '/servers/x/../../os-hypervisors',
      '/servers/%2E%2e/y',
      '/servers/x/os-interface/..%2F..%2Fos-hypervisors',
      '/servers/x/os-interface/%2e%2e%2f%2e%2e%2fos-hypervisors',
      '/servers/x/%252e%252e/os-hypervisors',
      '/servers/x/..%5Cos-hypervisors',
      '/servers/x\\..\\os-hypervisors',
      '/servers/x%00',
      'servers',
      '/servers?all_tenants=1',
      '/a b',
    ]) {
      await expect(proxy.forward(call(`${pod.url}/v2.1`, { path }))).rejects.toBeInstanceOf(ForwardPathInvalidError);
    }
    for (const query of ['a=%00', 'a=b#c', 'a=\nb']) {
      await expect(proxy.forward(call(`${pod.url}/v2.1`, { query }))).rejects.toBeInstanceOf(ForwardPathInvalidError);
    }
    expect(pod.seen).toHaveLength(0);
  });

  it('sends unicode in the path and query as UTF-8 percent-encoding (Nova tags may be unicode)', async () => {
    const pod = await started((_req, res) => json(res, 204, {}));
    await proxy.forward(call(`${pod.url}/v2.1`, { method: 'PUT', path: '/servers/s-1/tags/café€', query: 'name=ü|x' }));
    expect(pod.seen.map((s) => s.url)).toEqual(['/v2.1/servers/s-1/tags/caf%C3%A9%E2%82%AC?name=%C3%BC%7Cx']);
  });

  it('answers what Node refuses to send (a header value) with a 400 naming no value, never a TypeError', async () => {
    const pod = await started((_req, res) => json(res, 200, {}));
    const secret = 'secret\u0100leaked';
    const error = await proxy.forward(call(`${pod.url}/v2.1`, { headers: { 'x-extra': secret } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForwardRequestInvalidError);
    expect(error).toMatchObject({ kind: 'badRequest' });
    expect(everythingIn(error)).not.toContain('leaked');
    expect(pod.seen).toHaveLength(0);
  });

  it('looks a pod endpoint up once per pod and service, and only reaches overridden pods without Keystone', async () => {
    const pod = await started((_req, res) => json(res, 200, {}));
    const lookUps: string[] = [];
    const keystone = {
      endpointFor: (region: string, type: string) => {
        lookUps.push(`${region}/${type}`);
        return Promise.resolve(`${pod.url}/volume/v3/%(project_id)s`);
      },
    };
    const catalogued = new PodProxy({ timeoutMs: 2000 }, keystone);
    try {
      const target = { podId: 'pod-2', name: 'Pod2', endpoints: { compute: null } };
      const volume = { ...call('unused'), pod: target, service: 'volume' as const, path: '/volumes' };
      const answers = await Promise.all([catalogued.forward(volume), catalogued.forward({ ...volume, projectId: 'p-2' })]);
      await catalogued.forward(volume);
      expect(lookUps).toEqual(['Pod2/volumev3']);
      expect(answers.map((a) => a.podBaseUrl)).toEqual([`${pod.url}/volume/v3/p-1`, `${pod.url}/volume/v3/p-2`]);
      expect(pod.seen.map((s) => s.url)).toEqual(['/volume/v3/p-1/volumes', '/volume/v3/p-2/volumes', '/volume/v3/p-1/volumes']);
    } finally {
      catalogued.close();
    }
    const error = await failureOf(proxy.forward({ ...call('unused'), pod: { podId: 'pod-3', name: 'Pod3', endpoints: {} } }));
    expect(error.message).toBe('Pod3 compute is unreachable: no endpoint override and no Keystone catalog.');
  });
});
