import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, describeStores, type PodgateConfig } from '@podgate/config';
import { runProcess } from '@podgate/runtime';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { ProjectorModule } from './projector.module';

/** The projector, listening for health probes and running every projection. */
export async function startProjector(config: PodgateConfig, logger: Logger): Promise<NestFastifyApplication> {
  if (config.readModel.kind === 'embedded') {
    // The embedded store lives inside the gateway process; a second process cannot open it.
    throw new ConfigError(
      'DATABASE_URL: the standalone projector needs a PostgreSQL read model (the embedded default runs projections inside the gateway)',
    );
  }
  const app = await NestFactory.create<NestFastifyApplication>(ProjectorModule.forRoot(config, logger), new FastifyAdapter(), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoNestLogger));
  app.enableShutdownHooks();
  await app.listen(config.projector.port, config.projector.host);
  return app;
}

export function runProjector(environment: NodeJS.ProcessEnv): Promise<number> {
  return runProcess('podgate-projector', environment, async (config, logger) => {
    const app = await startProjector(config, logger);
    logger.info({ url: await app.getUrl(), ...describeStores(config) }, 'podgate projector running');
  });
}
