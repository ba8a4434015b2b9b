import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { FindVolumeTypeQuery, findVisibleVolumeType, ListVolumeTypesQuery, listVolumeTypes } from './find-volume-type.query';
import type { VolumeTypeView } from './volume-type-view';

@QueryHandler(FindVolumeTypeQuery)
export class FindVolumeTypeHandler implements IQueryHandler<FindVolumeTypeQuery> {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  execute(query: FindVolumeTypeQuery): Promise<VolumeTypeView | undefined> {
    return findVisibleVolumeType(this.sql, query.typeId, query.viewer);
  }
}

@QueryHandler(ListVolumeTypesQuery)
export class ListVolumeTypesHandler implements IQueryHandler<ListVolumeTypesQuery> {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  execute(query: ListVolumeTypesQuery): Promise<VolumeTypeView[]> {
    return listVolumeTypes(this.sql, query.options);
  }
}
