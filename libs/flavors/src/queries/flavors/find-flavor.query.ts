import { Query } from '@nestjs/cqrs';
import type { SqlExecutor } from '@podgate/sql';
import {
  FLAVOR_COLUMNS,
  type FlavorRow,
  type FlavorView,
  type FlavorViewer,
  isFlavorVisibleTo,
  toFlavorView,
} from './flavor-view';

/**
 * The live flavor of that id, with its extra specs (the affinity tag: affinityTagOf(extraSpecs))
 * and access list; undefined when no live flavor has it. Visibility is the caller's to check
 * (isFlavorVisibleTo): Nova answers a private flavor the project may not use as not found.
 */
export async function findLiveFlavor(sql: SqlExecutor, flavorId: string): Promise<FlavorView | undefined> {
  const { rows } = await sql.query<FlavorRow>(
    `SELECT ${FLAVOR_COLUMNS} FROM rm_flavors f WHERE f.flavor_id = $1 AND f.status = 'live'`,
    [flavorId],
  );
  return rows.length === 0 ? undefined : toFlavorView(rows[0]);
}

/** The live flavor the viewer may see, as Nova's GET /flavors/{id} finds it. */
export async function findVisibleFlavor(
  sql: SqlExecutor,
  flavorId: string,
  viewer: FlavorViewer,
): Promise<FlavorView | undefined> {
  const flavor = await findLiveFlavor(sql, flavorId);
  return flavor && isFlavorVisibleTo(flavor, viewer) ? flavor : undefined;
}

/** The id of the live flavor holding that name, if any (names are unique among live flavors). */
export async function findLiveFlavorIdByName(sql: SqlExecutor, name: string): Promise<string | undefined> {
  const { rows } = await sql.query<{ flavor_id: string }>(
    `SELECT flavor_id FROM rm_flavors WHERE name = $1 AND status = 'live' LIMIT 1`,
    [name],
  );
  return rows[0]?.flavor_id;
}

export class FindFlavorQuery extends Query<FlavorView | undefined> {
  constructor(
    readonly flavorId: string,
    readonly viewer: FlavorViewer,
  ) {
    super();
  }
}
