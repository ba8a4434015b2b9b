import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PodgateConfig } from '@podgate/config';
import { PinoNestLogger } from '@podgate/runtime';
import type { Logger } from 'pino';
import { publishAdminApiDocument } from '../admin/openapi/publish-admin-api-document';
import { rewriteServiceUrl } from '../api/service-url';
import { GatewayModule } from '../gateway.module';
import { registerAccessLog } from '../http/access-log.hook';
import { generateRequestId, registerRequestIdHeader } from '../http/request-id.hook';

/** The gateway app, initialised but not yet listening (tests listen on port 0). */
export async function createGateway(config: PodgateConfig, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: generateRequestId,
    requestIdHeader: false,
    logger: false,
    // Before routing: the project form of compute and volume URLs becomes the plain one controllers declare.
    rewriteUrl: rewriteServiceUrl,
    // No Nest middleware (request lines come from a Fastify hook): no middie pass per request.
    skipMiddie: true,
  });
  registerRequestIdHeader(adapter.getInstance());
  registerAccessLog(adapter.getInstance(), logger);
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forRoot(config, logger), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(new PinoNestLogger(logger));
  app.enableShutdownHooks();
  publishAdminApiDocument(app);
  await app.init();
  return app;
}
