import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { FindFlavorQuery, findVisibleFlavor } from './find-flavor.query';
import type { FlavorView } from './flavor-view';
import { ListFlavorsQuery, listFlavors } from './list-flavors.query';

@QueryHandler(FindFlavorQuery)
export class FindFlavorHandler implements IQueryHandler<FindFlavorQuery> {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  execute(query: FindFlavorQuery): Promise<FlavorView | undefined> {
    return findVisibleFlavor(this.sql, query.flavorId, query.viewer);
  }
}

@QueryHandler(ListFlavorsQuery)
export class ListFlavorsHandler implements IQueryHandler<ListFlavorsQuery> {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  execute(query: ListFlavorsQuery): Promise<FlavorView[]> {
    return listFlavors(this.sql, query.options);
  }
}
