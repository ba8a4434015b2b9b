import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_SQL } from '@podgate/read-model';
import type { SqlClient } from '@podgate/sql';
import { RoutingNotFoundError } from '../../domain/routing.errors';
import { countRoutedResources, findRouting, listRoutings, type RoutingPage } from './routing.queries';
import type { RoutingView } from './routing.view';

/** The routing read model for controllers and other slices, on the runtime's read-model database. */
@Injectable()
export class RoutingQueries {
  constructor(@Inject(READ_MODEL_SQL) private readonly sql: SqlClient) {}

  /** Throws RoutingNotFoundError (404) for an unknown id. */
  async get(id: string): Promise<RoutingView> {
    const routing = await findRouting(this.sql, id);
    if (!routing) throw new RoutingNotFoundError(id);
    return routing;
  }

  list(page: RoutingPage): Promise<RoutingView[]> {
    return listRoutings(this.sql, page);
  }

  countRoutedResources(podId: string): Promise<number> {
    return countRoutedResources(this.sql, podId);
  }
}
