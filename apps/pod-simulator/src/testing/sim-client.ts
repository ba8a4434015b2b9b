// Test helpers for the pod simulator's own tests (excluded from the build): a tiny HTTP client
// over real sockets and a simulator started on ephemeral ports with a manual clock.
import { ManualClock, manualClock } from '../clock';
import { CIRROS_IMAGE_ID } from '../glance/image-store';
import { PodHandle, SimulatorHandle, SimulatorOptions, startSimulator } from '../simulator';

/** Response bodies are checked field by field with expect(); a loose type keeps the tests readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one loose type of the test helpers, see above
export type JsonBody = any;

export interface SimResponse<T = JsonBody> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class SimClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  /** Same client, other base URL or extra headers (e.g. a microversion). */
  with(options: { baseUrl?: string; headers?: Record<string, string>; token?: string | null }): SimClient {
    const token = options.token === null ? undefined : (options.token ?? this.token);
    return new SimClient(options.baseUrl ?? this.baseUrl, token, { ...this.defaultHeaders, ...options.headers });
  }

  async request<T = JsonBody>(
    method: string,
    path: string,
    body?: unknown,
    init: { headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<SimResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.defaultHeaders, ...init.headers };
    if (this.token) headers['x-auth-token'] = this.token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: init.signal,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parseBody(text) as T, text };
  }

  get = <T = JsonBody>(path: string, init?: { headers?: Record<string, string>; signal?: AbortSignal }) =>
    this.request<T>('GET', path, undefined, init);
  post = <T = JsonBody>(path: string, body?: unknown, init?: { headers?: Record<string, string> }) =>
    this.request<T>('POST', path, body ?? {}, init);
  put = <T = JsonBody>(path: string, body?: unknown) => this.request<T>('PUT', path, body ?? {});
  delete = <T = JsonBody>(path: string) => this.request<T>('DELETE', path);
}

export interface TestSimulator {
  sim: SimulatorHandle;
  clock: ManualClock;
  pod: PodHandle;
  /** Nova of pod 1 as admin, alice (tenant-a) and bob (tenant-b), at microversion `latest`. */
  nova: { admin: SimClient; alice: SimClient; bob: SimClient };
  /** Cinder of pod 1 with the project id in the URL, at microversion `volume latest`. */
  cinder: { admin: SimClient; alice: SimClient; bob: SimClient };
  projectId(name: string): string;
  /** Moves the manual clock so pending transitions settle on the next request. */
  advance(ms: number): void;
  stop(): Promise<void>;
}

export const DELAYS = { buildMs: 1000, actionMs: 300, volumeMs: 500 };

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const clock = manualClock(Date.UTC(2025, 0, 1));
  const sim = await startSimulator({ pods: 1, basePort: 0, clock, delays: DELAYS, ...options });
  const pod = sim.pods[0] as PodHandle;
  const projectId = (name: string) => sim.keystone.directory.findProject({ name })?.id ?? '';
  const users = { admin: 'admin', alice: 'alice', bob: 'bob' } as const;
  const client = (base: (user: keyof typeof users) => string, headers: Record<string, string>) => {
    const make = (user: keyof typeof users) => new SimClient(base(user), sim.issueToken(users[user]), headers);
    return { admin: make('admin'), alice: make('alice'), bob: make('bob') };
  };
  const projectOf = { admin: 'admin', alice: 'tenant-a', bob: 'tenant-b' } as const;
  return {
    sim,
    clock,
    pod,
    nova: client(() => pod.computeUrl, { 'openstack-api-version': 'compute latest' }),
    cinder: client((user) => `${pod.url}/volume/v3/${projectId(projectOf[user])}`, { 'openstack-api-version': 'volume latest' }),
    projectId,
    advance: (ms) => clock.advance(ms),
    stop: () => sim.stop(),
  };
}

/** A server body that boots cirros on m1.tiny without networks. */
export const bootBody = (name: string, extra: Record<string, unknown> = {}) => ({
  server: { name, flavorRef: '1', imageRef: sharedImageId(), networks: 'none', ...extra },
});

export const sharedImageId = (): string => CIRROS_IMAGE_ID;

/** Creates a server and moves the clock past the build, so it is ACTIVE. */
export async function activeServer(
  t: TestSimulator,
  client: SimClient,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const created = await client.post('/servers', bootBody(name, extra));
  if (created.status !== 202) throw new Error(`create failed: ${created.status} ${created.text}`);
  t.advance(DELAYS.buildMs);
  return created.body.server.id as string;
}
