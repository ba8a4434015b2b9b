import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ServerRoutes } from '../../location/server-routes';
import { LocateServerQuery, type ServerLocation } from './locate-server.query';

@QueryHandler(LocateServerQuery)
export class LocateServerHandler implements IQueryHandler<LocateServerQuery> {
  constructor(private readonly routes: ServerRoutes) {}

  execute(query: LocateServerQuery): Promise<ServerLocation> {
    return this.routes.locate(query.serverId, query.projectId);
  }
}
