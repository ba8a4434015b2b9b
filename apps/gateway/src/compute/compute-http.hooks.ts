import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { installMicroversionHook } from '../api/microversion';
import { PodApiVersions } from '../api/pod-versions';

/**
 * Puts the compute API's Fastify hooks in place while the app initialises, before it listens. (The
 * URL rewrite cannot be a hook: it must run before routing, so createGateway passes it to Fastify.)
 */
@Injectable()
export class ComputeHttpHooks implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(PodApiVersions) private readonly versions: PodApiVersions,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    installMicroversionHook(fastify, () => this.versions.range);
  }
}
