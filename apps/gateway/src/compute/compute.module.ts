import { Module } from '@nestjs/common';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import { KEYSTONE_CLIENT, type KeystoneClient, type PodEndpointSource, resolvePodEndpoint } from '@podgate/openstack';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { ServersModule } from '@podgate/servers';
import type { SqlClient } from '@podgate/sql';
import { AvailabilityZonesHttpModule } from './availability-zones/availability-zones-http.module';
import { ComputeHttpHooks } from './compute-http.hooks';
import { FlavorsHttpModule } from './flavors/flavors-http.module';
import { ServersHttpModule } from './servers/servers-http.module';
import { PodApiVersions, PodVersionReader } from '../api/pod-versions';
import { ComputeVersionsController } from './versions/compute-versions.controller';

const POLL_MS = 1000;
const REFRESH_MS = 60_000;

/** In noauth mode there is no catalog: only pods registered with an explicit compute endpoint are reachable. */
function endpointResolver(keystone: KeystoneClient | null) {
  return async (pod: PodEndpointSource, kind: 'compute' | 'volume' | 'image'): Promise<string> => {
    if (keystone) return resolvePodEndpoint(keystone, pod, kind);
    const override = pod.endpoints[kind];
    if (!override) throw new Error(`no ${kind} endpoint override, and no Keystone catalog in noauth mode`);
    return override;
  };
}

/**
 * The compute API (Nova v2.1) at /compute: version discovery, the microversion negotiation every
 * compute request goes through, and the slices' controllers. (The project-form URL is rewritten
 * before routing, createGateway's rewriteComputeUrl, and checked by the global AccessGuard.)
 * KEYSTONE_CLIENT and PodProxy come from the global UpstreamModule; policy rules from
 * COMPUTE_POLICY_DEFAULTS, which GatewayModule registers with AuthModule.
 */
@Module({
  imports: [ServersModule, ServersHttpModule, FlavorsHttpModule, AvailabilityZonesHttpModule],
  controllers: [ComputeVersionsController],
  providers: [
    {
      provide: PodApiVersions,
      useFactory: (sql: SqlClient, keystone: KeystoneClient | null, config: PodgateConfig) =>
        new PodApiVersions(sql, new PodVersionReader(endpointResolver(keystone), config.upstream.listTimeoutMs), {
          pollMs: POLL_MS,
          refreshMs: REFRESH_MS,
          maxRetryMs: REFRESH_MS,
        }),
      inject: [READ_MODEL_SQL, KEYSTONE_CLIENT, PODGATE_CONFIG],
    },
    ComputeHttpHooks,
  ],
  exports: [PodApiVersions],
})
export class ComputeModule {}
