import { Module } from '@nestjs/common';
import { ServersModule } from '@podgate/servers';
import { AvailabilityZonesHttpModule } from './availability-zones/availability-zones-http.module';
import { FlavorsHttpModule } from './flavors/flavors-http.module';
import { ServersHttpModule } from './servers/servers-http.module';
import { microversionHookProvider } from '../api/microversion';
import { PodApiVersions, podApiVersionsProvider } from '../api/pod-versions';
import { COMPUTE_API } from '../api/service-api';
import { ComputeVersionsController } from './versions/compute-versions.controller';

/**
 * The compute API (Nova v2.1) at /compute: version discovery, the microversion negotiation every
 * compute request goes through, and the slices' controllers. (The project-form URL is rewritten
 * before routing, createGateway's rewriteServiceUrl, and checked by the global AccessGuard.)
 * KEYSTONE_CLIENT and PodProxy come from the global UpstreamModule; policy rules from
 * COMPUTE_POLICY_DEFAULTS, which GatewayModule registers with AuthModule.
 */
@Module({
  imports: [ServersModule, ServersHttpModule, FlavorsHttpModule, AvailabilityZonesHttpModule],
  controllers: [ComputeVersionsController],
  providers: [podApiVersionsProvider(COMPUTE_API, PodApiVersions), microversionHookProvider(COMPUTE_API, PodApiVersions)],
  exports: [PodApiVersions],
})
export class ComputeModule {}
