import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { ListRoutedServersQuery, listRoutedServers, type RoutedServer } from './list-routed-servers.query';

@QueryHandler(ListRoutedServersQuery)
export class ListRoutedServersHandler implements IQueryHandler<ListRoutedServersQuery> {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  execute(query: ListRoutedServersQuery): Promise<RoutedServer[]> {
    return listRoutedServers(this.sql, query.projectId, query.podIds, query.limit);
  }
}
