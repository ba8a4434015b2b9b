import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { PodView } from '@podgate/pods';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { ListServerPodsQuery, listServerPods } from './list-server-pods.query';

@QueryHandler(ListServerPodsQuery)
export class ListServerPodsHandler implements IQueryHandler<ListServerPodsQuery> {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  execute(query: ListServerPodsQuery): Promise<PodView[]> {
    return listServerPods(this.sql, query.projectId);
  }
}
