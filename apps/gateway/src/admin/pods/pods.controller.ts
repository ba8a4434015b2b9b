import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { RequestContext } from '@podgate/kernel';
import {
  DeregisterPodCommand,
  FindPodQuery,
  ListPodsQuery,
  PodNotFoundError,
  RegisterPodCommand,
  type RegisterPodInput,
  UpdatePodCommand,
} from '@podgate/pods';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { collectionPage } from '../pagination/collection-page';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../validation/openapi-schema';
import { resourceId } from '../validation/resource-id.pipe';
import { validBody, validQuery } from '../validation/zod-validation.pipe';
import { DeregisterPodQuery, PodListQuery, RegisterPodBody, UpdatePodBody } from './pod.requests';
import { PodListResponse, PodResponse, toPodWire } from './pod.wire';

type PodAnswer = z.output<typeof PodResponse>;
const podIdParam = resourceId((id) => new PodNotFoundError(id));

/** /v1.0/pods: HTTP to the pods slice's commands and queries and back, nothing more. */
@ApiTags('pods')
@Controller('v1.0/pods')
export class PodsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Policy('admin:pods:register')
  @ApiZodBody(RegisterPodBody)
  @ApiZodResponse(201, 'The pod, registered.', PodResponse)
  @ApiZodResponse(409, 'A pod of that name is already registered.')
  async register(
    @Body(validBody(RegisterPodBody)) pod: RegisterPodInput,
    @RequestCtx() context: RequestContext,
  ): Promise<PodAnswer> {
    return { pod: toPodWire(await this.commands.execute(new RegisterPodCommand(pod, context))) };
  }

  @Get()
  @Policy('admin:pods:list')
  @ApiZodQuery(PodListQuery)
  @ApiZodResponse(200, 'One page of pods in registration order.', PodListResponse)
  async list(
    @Query(validQuery(PodListQuery)) query: z.output<typeof PodListQuery>,
    @Req() request: FastifyRequest,
  ): Promise<z.output<typeof PodListResponse>> {
    const pods = await this.queries.execute(new ListPodsQuery(query));
    return collectionPage(request, query.limit, 'pods', pods, toPodWire, (pod) => pod.podId);
  }

  @Get(':pod_id')
  @Policy('admin:pods:show')
  @ApiZodResponse(200, 'The pod, deregistered ones included.', PodResponse)
  @ApiZodResponse(404, 'No pod has that id.')
  async show(@Param('pod_id', podIdParam) id: string): Promise<PodAnswer> {
    const pod = await this.queries.execute(new FindPodQuery(id));
    if (!pod) throw new PodNotFoundError(id);
    return { pod: toPodWire(pod) };
  }

  @Put(':pod_id')
  @Policy('admin:pods:update')
  @ApiZodBody(UpdatePodBody)
  @ApiZodResponse(200, 'The pod, updated.', PodResponse)
  async update(
    @Param('pod_id', podIdParam) id: string,
    @Body(validBody(UpdatePodBody)) update: z.output<typeof UpdatePodBody>,
    @RequestCtx() context: RequestContext,
  ): Promise<PodAnswer> {
    return { pod: toPodWire(await this.commands.execute(new UpdatePodCommand({ podId: id, ...update }, context))) };
  }

  @Delete(':pod_id')
  @HttpCode(204)
  @Policy('admin:pods:deregister')
  @ApiZodQuery(DeregisterPodQuery)
  @ApiZodResponse(204, 'Deregistered; the pod and its history stay readable.')
  @ApiZodResponse(409, 'Tenants are still bound or resources routed to the pod (use force=true).')
  async deregister(
    @Param('pod_id', podIdParam) id: string,
    @Query(validQuery(DeregisterPodQuery)) query: z.output<typeof DeregisterPodQuery>,
    @RequestCtx() context: RequestContext,
  ): Promise<void> {
    await this.commands.execute(new DeregisterPodCommand({ podId: id, ...query }, context));
  }
}
