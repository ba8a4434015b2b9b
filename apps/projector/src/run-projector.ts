import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, describeStores } from '@podgate/config';
import { runProcess } from '@podgate/runtime';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { ProjectorModule } from './projector.module';

export function runProjector(environment: NodeJS.ProcessEnv): Promise<number> {
  return runProcess('podgate-projector', environment, async (config, logger) => {
    if (config.readModel.kind === 'embedded') {
      // The embedded store lives inside the gateway process; a second process cannot open it.
      throw new ConfigError('DATABASE_URL: the standalone projector needs a PostgreSQL read model (the embedded default runs projections inside the gateway)');
    }
    const app = await NestFactory.create<NestFastifyApplication>(ProjectorModule.forRoot(config, logger), new FastifyAdapter(), {
      bufferLogs: true,
      abortOnError: false,
    });
    app.useLogger(app.get(PinoNestLogger));
    app.enableShutdownHooks();
    await app.listen(config.projector.port, config.projector.host);
    logger.info({ url: await app.getUrl(), ...describeStores(config) }, 'podgate projector running');
  });
}
