import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { type BindingPage, findBinding, listBindings } from './binding.queries';
import type { BindingView } from './binding.view';

export class FindBindingQuery extends Query<BindingView | undefined> {
  constructor(readonly bindingId: string) {
    super();
  }
}

export class ListBindingsQuery extends Query<BindingView[]> {
  constructor(readonly page: BindingPage) {
    super();
  }
}

@QueryHandler(FindBindingQuery)
export class FindBindingHandler implements IQueryHandler<FindBindingQuery> {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  execute(query: FindBindingQuery): Promise<BindingView | undefined> {
    return findBinding(this.sql, query.bindingId);
  }
}

@QueryHandler(ListBindingsQuery)
export class ListBindingsHandler implements IQueryHandler<ListBindingsQuery> {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  execute(query: ListBindingsQuery): Promise<BindingView[]> {
    return listBindings(this.sql, query.page);
  }
}
