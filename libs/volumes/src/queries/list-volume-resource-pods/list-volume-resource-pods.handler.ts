import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { PodView } from '@podgate/pods';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { listResourcePods } from '@podgate/routed-resources';
import type { SqlClient } from '@podgate/sql';
import { ListVolumeResourcePodsQuery } from './list-volume-resource-pods.query';

/** listResourcePods with the kind as rm_routings' resource type: the tenant's bound pods and those holding its `kind`s. */
@QueryHandler(ListVolumeResourcePodsQuery)
export class ListVolumeResourcePodsHandler implements IQueryHandler<ListVolumeResourcePodsQuery> {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  execute({ kind, projectId }: ListVolumeResourcePodsQuery): Promise<PodView[]> {
    return listResourcePods(this.sql, kind, projectId);
  }
}
