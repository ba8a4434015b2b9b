import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RoutingNotFoundError, RoutingQueries } from '@podgate/routing';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Policy } from '../../http/policy';
import { collectionPage } from '../pagination/collection-page';
import { ApiZodQuery, ApiZodResponse } from '../validation/openapi-schema';
import { resourceId } from '../validation/resource-id.pipe';
import { validQuery } from '../validation/zod-validation.pipe';
import { RoutingListQuery, RoutingListResponse, RoutingResponse, toRoutingWire } from './routing.wire';

/** /v1.0/routings: where each user-visible resource lives (Tricircle's resource routing), read only. */
@ApiTags('routings')
@Controller('v1.0/routings')
export class RoutingsController {
  constructor(private readonly routings: RoutingQueries) {}

  @Get()
  @Policy('admin:routings:list')
  @ApiZodQuery(RoutingListQuery)
  @ApiZodResponse(200, 'One page of routings in (created_at, id) order.', RoutingListResponse)
  async list(
    @Query(validQuery(RoutingListQuery)) query: z.output<typeof RoutingListQuery>,
    @Req() request: FastifyRequest,
  ): Promise<z.output<typeof RoutingListResponse>> {
    const routings = await this.routings.list(query);
    return collectionPage(request, query.limit, 'routings', routings, toRoutingWire, (routing) => routing.id);
  }

  @Get(':id')
  @Policy('admin:routings:show')
  @ApiZodResponse(200, 'The routing.', RoutingResponse)
  @ApiZodResponse(404, 'No routing has that id.')
  async show(
    @Param('id', resourceId((id) => new RoutingNotFoundError(id))) id: string,
  ): Promise<z.output<typeof RoutingResponse>> {
    return { routing: toRoutingWire(await this.routings.get(id)) };
  }
}
