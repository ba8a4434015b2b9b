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

/** Decides what a handler sees of one call: `answer()` forwards it for real. */
export type PodFault = (request: ForwardRequest, answer: () => Promise<ForwardedResponse>) => Promise<ForwardedResponse>;

/**
 * Transports over the bed's real proxy to the simulator (`bedOf` is asked per call, so a spec can
 * build them before its bed is open), each pushing every call onto `calls` as it saw it, with
 * `fault` deciding what the handler sees of each answer.
 */
export const faultyTransport =
  (bedOf: () => Pick<PodTestBed, 'proxy'>, calls: ForwardRequest[]) =>
  (fault: PodFault): Pick<PodProxy, 'forward'> => ({
    forward: (request: ForwardRequest) => {
      calls.push(request);
      return fault(request, () => bedOf().proxy.forward(request));
    },
  });
