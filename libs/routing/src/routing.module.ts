import { Module } from '@nestjs/common';
import { RoutingQueries } from './queries/routings/routing-queries.service';

/** Routing reads only: the routes themselves are written by the slices that own the resources. */
@Module({ providers: [RoutingQueries], exports: [RoutingQueries] })
export class RoutingModule {}
