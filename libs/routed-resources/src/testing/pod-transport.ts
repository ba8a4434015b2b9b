// Test helpers (excluded from the build): what the confirmers' specs put between a handler and the
// pod simulator, and podgate's service user in the simulator's Keystone.
import type { ServiceCredentials } from '@podgate/config';
import { type ForwardedResponse, type ForwardRequest, KeystoneClient, type PodProxy } from '@podgate/openstack';
import type { PodTestBed } from './pod-test-bed';

/** podgate's service user in the simulator's Keystone (admin in project `service`). */
export const SIMULATED_SERVICE_USER: ServiceCredentials = {
  username: 'podgate',
  password: 'podgate-secret',
  projectName: 'service',
  userDomainName: 'Default',
  projectDomainName: 'Default',
};

/** podgate's Keystone client for its service user, at the bed's simulated Keystone. */
export const serviceKeystone = (bed: Pick<PodTestBed, 'sim'>): KeystoneClient =>
  new KeystoneClient({
    url: bed.sim.authUrl,
    service: SIMULATED_SERVICE_USER,
    endpointInterface: 'public',
    tokenCacheSeconds: 60,
  });

/**
 * The bed's real proxy to the simulator, pushing every call onto `calls` as the transport saw it,
 * with `fault` deciding what the handler sees of each answer (`answer()` forwards it for real).
 */
export const faultyTransport =
  (bed: Pick<PodTestBed, 'proxy'>, calls: ForwardRequest[]) =>
  (
    fault: (request: ForwardRequest, answer: () => Promise<ForwardedResponse>) => Promise<ForwardedResponse>,
  ): Pick<PodProxy, 'forward'> => ({
    forward: (request: ForwardRequest) => {
      calls.push(request);
      return fault(request, () => bed.proxy.forward(request));
    },
  });
