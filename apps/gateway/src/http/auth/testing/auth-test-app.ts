import { Controller, Get, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import { PinoNestLogger } from '@podgate/runtime';
import type { Logger } from 'pino';
import { registerAccessLog } from '../../access-log.hook';
import { OpenStackErrorFilter } from '../../openstack-error.filter';
import { generateRequestId, registerRequestIdHeader } from '../../request-id.hook';
import { Policy } from '../../policy/policy.decorator';
import { AuthModule, type AuthModuleOptions } from '../auth.module';
import { Public } from '../public.decorator';
import { RequestCtx } from '../request-context.decorator';

/** The probe's own rule: any authenticated caller may ask who they are. */
export const PROBE_WHOAMI_RULE = 'probe:whoami';

/** A tiny API behind the real guard, filter and request-id hook, the way the gateway mounts them. */
@Controller()
export class ProbeController {
  @Public()
  @Get()
  versions(): object {
    return { versions: [] };
  }

  /** Public by path only, as the health checks of @podgate/runtime are. */
  @Get('healthz')
  health(): object {
    return { status: 'ok' };
  }

  /** The context a command would get; SECURITY: the token itself is never echoed. */
  @Policy(PROBE_WHOAMI_RULE)
  @Get('v1.0/whoami')
  whoami(@RequestCtx() context: RequestContext): object {
    const { token, ...rest } = context;
    return { ...rest, tokenForwarded: token !== undefined };
  }

  @Policy('admin:pods:list')
  @Get('v1.0/pods')
  pods(@RequestCtx() context: RequestContext): object {
    return { pods: [], listed_by: context.caller.userId };
  }
}

export interface AuthTestAppOptions extends AuthModuleOptions {
  readonly controllers?: ModuleMetadata['controllers'];
  /** Logs requests and Nest's own lines (the exception filter's included) to this pino logger, as the gateway does. */
  readonly logger?: Logger;
}

export async function startAuthTestApp(config: PodgateConfig, options: AuthTestAppOptions = {}): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      AuthModule.forRoot(config, { ...options, policyDefaults: { [PROBE_WHOAMI_RULE]: '@', ...options.policyDefaults } }),
    ],
    controllers: options.controllers ?? [ProbeController],
    providers: [{ provide: APP_FILTER, useClass: OpenStackErrorFilter }],
  }).compile();
  const adapter = new FastifyAdapter({ genReqId: generateRequestId, requestIdHeader: false, logger: false });
  registerRequestIdHeader(adapter.getInstance());
  if (options.logger) registerAccessLog(adapter.getInstance(), options.logger);
  const app = moduleRef.createNestApplication<NestFastifyApplication>(adapter, { logger: false, abortOnError: false });
  if (options.logger) app.useLogger(new PinoNestLogger(options.logger));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
