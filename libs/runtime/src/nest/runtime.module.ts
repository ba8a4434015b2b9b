import {
  type DynamicModule,
  Global,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { PodgateConfig } from '@podgate/config';
import { EVENT_STORE } from '@podgate/event-store';
import type { Logger } from 'pino';
import { flushLogger } from '../logger';
import { openRuntime, type Runtime } from '../open-runtime';
import { ProjectionSupervisor } from '../projection-supervisor';
import { PODGATE_CONFIG, READ_MODEL_SQL, RUNTIME } from './runtime.tokens';

/** Starts the projections after the app is up (when this process runs them) and closes everything last. */
@Injectable()
class RuntimeLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    @Inject('RUN_PROJECTIONS') private readonly runProjections: boolean,
    @Inject('RUNTIME_LOGGER') private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    if (this.runProjections) this.runtime.projections.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.close();
    // The logger buffers lines; Nest ends shutdown with a re-raised signal, which skips pino's exit flush.
    flushLogger(this.logger);
  }
}

/**
 * The configured event store, read-model database and projections, for any Nest app. The config
 * was validated before Nest started (one clear line on error); ConfigModule carries it from here.
 */
@Global()
export class RuntimeModule {
  static forRoot(config: PodgateConfig, options: { logger: Logger; runProjections: boolean }): DynamicModule {
    return {
      module: RuntimeModule,
      imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ podgate: config })] })],
      providers: [
        { provide: PODGATE_CONFIG, useValue: config },
        { provide: 'RUN_PROJECTIONS', useValue: options.runProjections },
        { provide: 'RUNTIME_LOGGER', useValue: options.logger },
        { provide: RUNTIME, useFactory: () => openRuntime(config, { logger: options.logger }) },
        { provide: EVENT_STORE, useFactory: (runtime: Runtime) => runtime.eventStore, inject: [RUNTIME] },
        { provide: READ_MODEL_SQL, useFactory: (runtime: Runtime) => runtime.readModel, inject: [RUNTIME] },
        { provide: ProjectionSupervisor, useFactory: (runtime: Runtime) => runtime.projections, inject: [RUNTIME] },
        RuntimeLifecycle,
      ],
      exports: [PODGATE_CONFIG, RUNTIME, EVENT_STORE, READ_MODEL_SQL, ProjectionSupervisor],
    };
  }
}
