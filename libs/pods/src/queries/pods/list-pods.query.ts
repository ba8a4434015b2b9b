import { Query } from '@nestjs/cqrs';
import { DEFAULT_PAGE_SIZE, InvalidLimitError, MarkerNotFoundError, MAX_PAGE_SIZE } from '@podgate/kernel';
import type { SqlExecutor } from '@podgate/sql';
import { findPod } from './find-pod.query';
import { POD_COLUMNS, type PodRow, type PodView, toPodView } from './pod-view';

export interface PodFilter {
  readonly azName?: string;
  readonly name?: string;
  readonly inMaintenance?: boolean;
  readonly status?: 'active' | 'deregistered';
}

export interface PodPage extends PodFilter {
  /** Default 100; above 1000 is cut to 1000, as Nova's max_limit does. */
  readonly limit?: number;
  /** The last pod id of the previous page. */
  readonly marker?: string;
}

/**
 * One page of pods in registration order (registration_seq, then pod_id). A full page means there
 * may be more: the next page starts after its last pod id. An unknown marker is MarkerNotFoundError.
 */
export async function listPods(sql: SqlExecutor, page: PodPage): Promise<PodView[]> {
  const limit = pageSize(page.limit);
  let after: { seq: string; podId: string } | undefined;
  if (page.marker !== undefined) {
    const marker = await findPod(sql, page.marker);
    if (!marker) throw new MarkerNotFoundError(page.marker);
    after = { seq: marker.registrationSeq.toString(), podId: marker.podId };
  }
  return selectPods(sql, page, after, limit);
}

/** Every pod matching the filter, in registration order, without paging (schedulers and the usage collector). */
export async function listAllPods(sql: SqlExecutor, filter: PodFilter = {}): Promise<PodView[]> {
  return selectPods(sql, filter, undefined, null);
}

async function selectPods(
  sql: SqlExecutor,
  filter: PodFilter,
  after: { seq: string; podId: string } | undefined,
  limit: number | null,
): Promise<PodView[]> {
  const { rows } = await sql.query<PodRow>(
    `SELECT ${POD_COLUMNS} FROM rm_pods
      WHERE ($1::text IS NULL OR az_name = $1)
        AND ($2::text IS NULL OR name = $2)
        AND ($3::boolean IS NULL OR in_maintenance = $3)
        AND ($4::text IS NULL OR status = $4)
        AND ($5::numeric IS NULL OR (registration_seq, pod_id) > ($5::numeric, $6::uuid))
      ORDER BY registration_seq, pod_id
      LIMIT $7`,
    [
      filter.azName ?? null,
      filter.name ?? null,
      filter.inMaintenance ?? null,
      filter.status ?? null,
      after?.seq ?? null,
      after?.podId ?? null,
      limit,
    ],
  );
  return rows.map(toPodView);
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 0) throw new InvalidLimitError(limit);
  return Math.min(limit, MAX_PAGE_SIZE);
}

export class ListPodsQuery extends Query<PodView[]> {
  constructor(readonly page: PodPage) {
    super();
  }
}
