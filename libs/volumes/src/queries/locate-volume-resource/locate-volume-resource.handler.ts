import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { VolumeResourceLocation } from '../../domain/volume-resource';
import { VolumeResourceRoutes } from '../../location/volume-resource-routes';
import { LocateVolumeResourceQuery } from './locate-volume-resource.query';

@QueryHandler(LocateVolumeResourceQuery)
export class LocateVolumeResourceHandler implements IQueryHandler<LocateVolumeResourceQuery> {
  constructor(private readonly routes: VolumeResourceRoutes) {}

  execute({ kind, id, projectId }: LocateVolumeResourceQuery): Promise<VolumeResourceLocation> {
    return this.routes.locate(kind, id, projectId);
  }
}
