import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { FindPodQuery, findPod } from './find-pod.query';
import { ListPodsQuery, listPods } from './list-pods.query';
import type { PodView } from './pod-view';

@QueryHandler(FindPodQuery)
export class FindPodHandler implements IQueryHandler<FindPodQuery> {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  execute(query: FindPodQuery): Promise<PodView | undefined> {
    return findPod(this.sql, query.podId);
  }
}

@QueryHandler(ListPodsQuery)
export class ListPodsHandler implements IQueryHandler<ListPodsQuery> {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  execute(query: ListPodsQuery): Promise<PodView[]> {
    return listPods(this.sql, query.page);
  }
}
