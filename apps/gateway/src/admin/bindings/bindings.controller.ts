import { Body, Controller, Delete, Get, Param, Post, Query, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import {
  BindingNotFoundError,
  EndBindingCommand,
  FindBindingQuery,
  ListBindingsQuery,
  PinTenantCommand,
} from '@podgate/bindings';
import type { RequestContext } from '@podgate/kernel';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { RequestCtx } from '../../http/auth';
import { Policy } from '../../http/policy';
import { collectionPage } from '../pagination/collection-page';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../validation/openapi-schema';
import { resourceId } from '../validation/resource-id.pipe';
import { validBody, validQuery } from '../validation/zod-validation.pipe';
import { BindingListQuery, EndBindingQuery, PinTenantBody } from './binding.requests';
import { BindingListResponse, BindingResponse, toBindingWire } from './binding.wire';

type BindingAnswer = z.output<typeof BindingResponse>;
const bindingIdParam = resourceId((id) => new BindingNotFoundError(id));

/** /v1.0/bindings: HTTP to the bindings slice's commands and queries and back, nothing more. */
@ApiTags('bindings')
@Controller('v1.0/bindings')
export class BindingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Policy('admin:bindings:create')
  @ApiZodBody(PinTenantBody)
  @ApiZodResponse(201, "The tenant's new binding; the one it had is ended.", BindingResponse)
  @ApiZodResponse(404, 'No pod has that id.')
  @ApiZodResponse(409, 'The pod is deregistered.')
  async create(
    @Body(validBody(PinTenantBody)) pin: z.output<typeof PinTenantBody>,
    @RequestCtx() context: RequestContext,
  ): Promise<BindingAnswer> {
    const binding = await this.commands.execute(
      new PinTenantCommand(pin.projectId, pin.azName, pin.affinityTag, pin.podId, context),
    );
    return { binding: toBindingWire(binding) };
  }

  @Get()
  @Policy('admin:bindings:list')
  @ApiZodQuery(BindingListQuery)
  @ApiZodResponse(200, 'One page of bindings in (bound_at, binding_id) order.', BindingListResponse)
  async list(
    @Query(validQuery(BindingListQuery)) query: z.output<typeof BindingListQuery>,
    @Req() request: FastifyRequest,
  ): Promise<z.output<typeof BindingListResponse>> {
    const bindings = await this.queries.execute(new ListBindingsQuery(query));
    return collectionPage(request, query.limit, 'bindings', bindings, toBindingWire, (binding) => binding.bindingId);
  }

  @Get(':binding_id')
  @Policy('admin:bindings:show')
  @ApiZodResponse(200, 'The binding, active or ended.', BindingResponse)
  @ApiZodResponse(404, 'No binding has that id.')
  async show(@Param('binding_id', bindingIdParam) id: string): Promise<BindingAnswer> {
    const binding = await this.queries.execute(new FindBindingQuery(id));
    if (!binding) throw new BindingNotFoundError(id);
    return { binding: toBindingWire(binding) };
  }

  @Delete(':binding_id')
  @Policy('admin:bindings:end')
  @ApiZodQuery(EndBindingQuery)
  @ApiZodResponse(200, 'The binding, ended and kept for history.', BindingResponse)
  async end(
    @Param('binding_id', bindingIdParam) id: string,
    @Query(validQuery(EndBindingQuery)) query: z.output<typeof EndBindingQuery>,
    @RequestCtx() context: RequestContext,
  ): Promise<BindingAnswer> {
    return { binding: toBindingWire(await this.commands.execute(new EndBindingCommand(id, query.reason, context))) };
  }
}
