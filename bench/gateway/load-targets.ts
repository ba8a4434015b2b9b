import type { RoutedLeg } from './gateway-results';
import type { LoadTarget } from './load-run';
import type { NginxProxy } from './nginx-proxy';
import { expectStatus, waitForServer } from './openstack-http';
import { backendPids, type PodgateGateway } from './podgate-gateway';
import type { SimulatedPod } from './simulated-pod';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Without podgate, the routed server is booted on the pod itself (the simulator's m1.nano and cirros). */
export async function createOnPod(sim: SimulatedPod, token: string): Promise<string> {
  const images = await expectStatus(`${sim.pod.url}/image/v2/images?name=cirros`, 'GET', token, 200);
  const imageRef = (images.body as { images: { id: string }[] }).images[0].id;
  const created = await expectStatus(
    `${sim.pod.computeUrl}/servers`,
    'POST',
    token,
    202,
    { server: { name: 'bench-get', flavorRef: '42', imageRef, networks: 'none' } },
    { 'OpenStack-API-Version': 'compute 2.37' },
  );
  const id = (created.body as { server: { id: string } }).server.id;
  await waitForServer(sim.pod.computeUrl, token, id);
  return id;
}

export function routedTargets(
  sim: SimulatedPod,
  nginx: NginxProxy | undefined,
  podgate: PodgateGateway | undefined,
  serverId: string,
  token: string,
  legs: readonly string[],
): LoadTarget[] {
  const headers = { 'x-auth-token': token, accept: 'application/json' };
  const path = `${new URL(sim.pod.computeUrl).pathname}/servers/${serverId}`;
  const get = (label: RoutedLeg, origin: string, processes: LoadTarget['processes'], p = path): LoadTarget => ({
    label,
    origin,
    requestsFor: () => [{ method: 'GET', path: p, headers }],
    processes,
  });
  const targets: LoadTarget[] = [];
  if (legs.includes('direct')) targets.push(get('direct', sim.pod.url, async () => ({ target: sim.process.pid })));
  if (nginx && legs.includes('nginx'))
    targets.push(get('nginx', nginx.url, async () => ({ target: sim.process.pid, proxy: nginx.process.pid })));
  if (podgate && legs.includes('podgate'))
    targets.push(
      get(
        'podgate',
        podgate.url,
        async () => ({ target: sim.process.pid, proxy: podgate.process.pid, database: await backendPids(podgate) }),
        `/compute/v2.1/servers/${serverId}`,
      ),
    );
  return targets;
}

export function actionTarget(sim: SimulatedPod, podgate: PodgateGateway, ids: readonly string[], token: string): LoadTarget {
  const headers = { 'x-auth-token': token, accept: 'application/json', 'content-type': 'application/json' };
  const body = JSON.stringify({ reboot: { type: 'SOFT' } });
  return {
    label: 'actions',
    origin: podgate.url,
    requestsFor: (connection) => [
      { method: 'POST', path: `/compute/v2.1/servers/${ids[connection % ids.length]}/action`, headers, body },
    ],
    processes: async () => ({ target: sim.process.pid, proxy: podgate.process.pid, database: await backendPids(podgate) }),
  };
}

/** Before any load: the path answers 200 with the very server, or the leg is reported failed. */
export async function checkAnswer(target: LoadTarget, serverId: string): Promise<string | undefined> {
  const [request] = target.requestsFor(0);
  try {
    const response = await fetch(`${target.origin}${request.path}`, { headers: request.headers });
    const body = (await response.json().catch(() => null)) as { server?: { id?: string } } | null;
    if (response.status === 200 && body?.server?.id === serverId) return undefined;
    return `${target.label}: GET ${request.path} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`;
  } catch (error) {
    return `${target.label}: GET ${request.path} failed: ${message(error)}`;
  }
}
