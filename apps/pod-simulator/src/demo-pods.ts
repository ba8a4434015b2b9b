// Registers the simulated pods with the demo's gateway through its admin API (/v1.0), as an
// operator would with `podgate pods register`. A pod registered by an earlier demo run (the
// embedded store keeps it) answers 409 and is left as it is.
import type { PodHandle } from './simulator';

export interface RegisteredPod {
  readonly name: string;
  readonly az: string;
  readonly outcome: 'registered' | 'already registered';
}

export async function registerDemoPods(gatewayUrl: string, adminToken: string, pods: PodHandle[]): Promise<RegisteredPod[]> {
  const registered: RegisteredPod[] = [];
  for (const pod of pods) {
    const response = await fetch(`${gatewayUrl}/v1.0/pods`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-auth-token': adminToken },
      body: JSON.stringify({ pod: { name: pod.region, az_name: pod.az, pod_az_name: 'nova', dc_name: 'demo-dc' } }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 201 && response.status !== 409) {
      throw new Error(`registering ${pod.region} answered ${response.status}: ${await response.text()}`);
    }
    registered.push({ name: pod.region, az: pod.az, outcome: response.status === 201 ? 'registered' : 'already registered' });
  }
  return registered;
}
