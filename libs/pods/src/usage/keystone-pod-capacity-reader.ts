import {
  getHypervisorStatistics,
  type KeystoneClient,
  KeystoneUnavailableError,
  resolvePodEndpoint,
  UpstreamError,
} from '@podgate/openstack';
import type { PodUsage } from '../domain/pod-usage.events';
import type { PodView } from '../queries/pods/pod-view';
import { CapacityNotReadError, type PodCapacityReader } from './pod-capacity-reader.port';

export const DEFAULT_CAPACITY_READ_TIMEOUT_MS = 10_000;

/**
 * Nova's hypervisor statistics of the pod's compute endpoint (override, else the Keystone catalog
 * of the pod's region), read with podgate's service token.
 */
export class KeystonePodCapacityReader implements PodCapacityReader {
  constructor(
    private readonly keystone: Pick<KeystoneClient, 'serviceToken' | 'endpointFor'>,
    private readonly options: { readonly timeoutMs: number } = { timeoutMs: DEFAULT_CAPACITY_READ_TIMEOUT_MS },
  ) {}

  async read(pod: PodView, options: { readonly globalRequestId?: string } = {}): Promise<PodUsage> {
    let token: string;
    let computeUrl: string;
    try {
      token = await this.keystone.serviceToken();
      computeUrl = await resolvePodEndpoint(this.keystone, pod, 'compute');
    } catch (error) {
      if (error instanceof KeystoneUnavailableError)
        throw new CapacityNotReadError(`Keystone is unavailable: ${error.reason}`, { cause: error });
      throw error; // no compute endpoint for the region: the pod cannot be used
    }
    try {
      const { count: _hypervisors, ...usage } = await getHypervisorStatistics(computeUrl, token, {
        timeoutMs: this.options.timeoutMs,
        globalRequestId: options.globalRequestId,
        upstream: `compute API of pod ${pod.name}`,
      });
      return usage;
    } catch (error) {
      // 401/403: our token or role, not the pod's health; the next poll (or a new token) may do better
      if (error instanceof UpstreamError && (error.status === 401 || error.status === 403)) {
        throw new CapacityNotReadError(withoutSecret(error.message, token), { cause: error });
      }
      throw new Error(withoutSecret((error as Error).message, token), { cause: error });
    }
  }
}

/** SECURITY: the error message is stored in an event and shown to admins; it must never carry the token. */
const withoutSecret = (message: string, token: string): string => (token ? message.split(token).join('[redacted]') : message);
