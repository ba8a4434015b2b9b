// Registers the simulated pods with the demo's gateway through its admin API (/v1.0), as an
// operator would with `podgate pods register`, and defines one flavor through the compute API,
// which the gateway's reconciler then pushes to both pods. Something made by an earlier demo run
// (the embedded store keeps it) answers 409 and is left as it is.
import type { PodHandle } from './simulator';

export interface RegisteredPod {
  readonly name: string;
  /** The user-visible AZ podgate shows; the pod itself calls its AZ `pod.az`. */
  readonly az: string;
  readonly outcome: 'registered' | 'already registered';
}

export const DEMO_FLAVOR = { id: 'demo-small', name: 'demo.small', ram: 512, vcpus: 1, disk: 1 };

export async function registerDemoPods(
  gatewayUrl: string,
  adminToken: string,
  pods: readonly { readonly pod: PodHandle; readonly az: string }[],
): Promise<RegisteredPod[]> {
  const registered: RegisteredPod[] = [];
  for (const { pod, az } of pods) {
    const body = { pod: { name: pod.region, az_name: az, pod_az_name: pod.az, dc_name: 'demo-dc' } };
    const status = await post(`${gatewayUrl}/v1.0/pods`, adminToken, body, `registering ${pod.region}`);
    registered.push({ name: pod.region, az, outcome: status === 201 ? 'registered' : 'already registered' });
  }
  return registered;
}

/** Defined once at the gateway; the flavor reconciler pushes it to every pod within seconds. */
export async function defineDemoFlavor(gatewayUrl: string, adminToken: string): Promise<void> {
  await post(`${gatewayUrl}/compute/v2.1/flavors`, adminToken, { flavor: DEMO_FLAVOR }, `defining flavor ${DEMO_FLAVOR.name}`);
}

async function post(url: string, token: string, body: object, what: string): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-auth-token': token },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const created = response.status === 200 || response.status === 201 || response.status === 202;
  if (!created && response.status !== 409) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return response.status;
}
