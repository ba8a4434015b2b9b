import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { PodgateConfig } from '@podgate/config';
import { KeystoneClient } from '@podgate/openstack';
import { HealthModule, RuntimeModule } from '@podgate/runtime';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './http/auth';
import { OpenStackErrorFilter } from './http/openstack-error.filter';

/** The public HTTP listener: the admin API (/v1.0) now; the compute and volume APIs join as their slices land. */
@Module({})
export class GatewayModule {
  static forRoot(config: PodgateConfig, logger: Logger): DynamicModule {
    const keystone =
      config.auth.strategy === 'keystone' ? new KeystoneClient(config.auth, logger.child({ component: 'keystone' })) : undefined;
    return {
      module: GatewayModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            genReqId: (request) => (request as { id?: string }).id ?? '',
            autoLogging: { ignore: (request) => request.url === '/healthz' || request.url === '/readyz' },
          },
        }),
        RuntimeModule.forRoot(config, { logger, runProjections: config.runProjectionsInGateway }),
        HealthModule,
        AuthModule.forRoot(config, { validator: keystone }),
        CqrsModule.forRoot(),
        AdminModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: OpenStackErrorFilter }],
    };
  }
}
