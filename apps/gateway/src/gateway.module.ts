import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { PodgateConfig } from '@podgate/config';
import { KEYSTONE_CLIENT } from '@podgate/openstack';
import { HealthModule, RuntimeModule } from '@podgate/runtime';
import type { Logger } from 'pino';
import { AdminModule } from './admin/admin.module';
import { COMPUTE_POLICY_DEFAULTS } from './compute/compute-policy.defaults';
import { ComputeModule } from './compute/compute.module';
import { VOLUME_POLICY_DEFAULTS } from './volume/volume-policy.defaults';
import { VolumeModule } from './volume/volume.module';
import { AuthModule } from './http/auth';
import { OpenStackErrorFilter } from './http/openstack-error.filter';
import { UpstreamModule } from './http/upstream';

/** The public HTTP listener: the admin API (/v1.0) and the compute API (/compute); the volume API joins as its slice lands. */
@Module({})
export class GatewayModule {
  static forRoot(config: PodgateConfig, logger: Logger): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        RuntimeModule.forRoot(config, { logger, runProjections: config.runProjectionsInGateway }),
        HealthModule,
        UpstreamModule.forRoot(config, logger),
        AuthModule.forRoot(config, {
          // The same KeystoneClient as forwarding's, so validation and the service session share one cache.
          validator: config.auth.strategy === 'keystone' ? { useExisting: KEYSTONE_CLIENT } : undefined,
          policyDefaults: { ...COMPUTE_POLICY_DEFAULTS, ...VOLUME_POLICY_DEFAULTS },
        }),
        CqrsModule.forRoot(),
        AdminModule,
        ComputeModule,
        VolumeModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: OpenStackErrorFilter }],
    };
  }
}
