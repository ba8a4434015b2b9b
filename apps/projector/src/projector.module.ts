import { type DynamicModule, Module } from '@nestjs/common';
import type { PodgateConfig } from '@podgate/config';
import { HealthModule, RuntimeModule } from '@podgate/runtime';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * The standalone projection worker for production: runs every projection into the PostgreSQL read
 * models while the gateways serve. Its only HTTP is /healthz and /readyz, for the orchestrator.
 */
@Module({})
export class ProjectorModule {
  static forRoot(config: PodgateConfig, logger: Logger): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { logger, autoLogging: false } }),
        RuntimeModule.forRoot(config, { logger, runProjections: true }),
        HealthModule,
      ],
    };
  }
}
