import type { InjectionToken, Provider } from '@nestjs/common';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import {
  KEYSTONE_CLIENT,
  type KeystoneClient,
  type PodEndpointSource,
  type PodServiceKind,
  resolvePodEndpoint,
} from '@podgate/openstack';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import type { ServiceApi } from '../service-api';
import { PodApiVersions } from './pod-api-versions';
import { type PodEndpointOf, PodVersionReader } from './pod-version-reader';

const POLL_MS = 1000;
const REFRESH_MS = 60_000;

/** In noauth mode there is no catalog: only pods registered with an explicit endpoint for the service are reachable. */
export function podEndpointResolver(keystone: KeystoneClient | null): PodEndpointOf {
  return async (pod: PodEndpointSource, kind: PodServiceKind): Promise<string> => {
    if (keystone) return resolvePodEndpoint(keystone, pod, kind);
    const override = pod.endpoints[kind];
    if (!override) throw new Error(`no ${kind} endpoint override, and no Keystone catalog in noauth mode`);
    return override;
  };
}

/**
 * The Nest provider of `api`'s PodApiVersions under `token` (compute: the PodApiVersions class,
 * volume: VOLUME_API_VERSIONS), polling the registered pods' documents every second and re-reading
 * them every minute. Needs READ_MODEL_SQL, KEYSTONE_CLIENT and PODGATE_CONFIG (all global).
 */
export function podApiVersionsProvider(api: ServiceApi, token: InjectionToken): Provider {
  return {
    provide: token,
    useFactory: (sql: SqlClient, keystone: KeystoneClient | null, config: PodgateConfig) =>
      new PodApiVersions(api, sql, new PodVersionReader(api, podEndpointResolver(keystone), config.upstream.listTimeoutMs), {
        pollMs: POLL_MS,
        refreshMs: REFRESH_MS,
        maxRetryMs: REFRESH_MS,
      }),
    inject: [READ_MODEL_SQL, KEYSTONE_CLIENT, PODGATE_CONFIG],
  };
}
