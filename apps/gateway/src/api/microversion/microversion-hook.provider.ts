import type { InjectionToken, OnModuleInit, Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { ServiceApi } from '../service-api';
import type { ApiVersionRange } from './api-version';
import { installMicroversionHook } from './microversion-hook';

/** What the hook reads the range from: a PodApiVersions (named structurally, pod-versions depends on this folder). */
interface RangeSource {
  readonly range: ApiVersionRange;
}

/**
 * The Nest provider that puts `api`'s microversion hook on Fastify while the app initialises,
 * before it listens, reading the range of the PodApiVersions under `versionsToken`. One per API's
 * module (ComputeModule, VolumeVersionsModule). (The URL rewrite cannot be a hook: it must run
 * before routing, so createGateway passes it to Fastify.)
 */
export function microversionHookProvider(api: ServiceApi, versionsToken: InjectionToken): Provider {
  return {
    provide: Symbol(`${api.serviceType} microversion hook`),
    useFactory: (adapterHost: HttpAdapterHost, versions: RangeSource): OnModuleInit => ({
      onModuleInit: () =>
        installMicroversionHook(adapterHost.httpAdapter.getInstance<FastifyInstance>(), api, () => versions.range),
    }),
    inject: [HttpAdapterHost, versionsToken],
  };
}
