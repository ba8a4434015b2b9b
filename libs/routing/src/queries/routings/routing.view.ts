import type { RoutedResourceType } from '../../domain/routing.events';

/** One route as the admin API and CLI show it; times are ISO-8601. */
export interface RoutingView {
  readonly id: string;
  readonly topId: string;
  readonly bottomId: string;
  readonly podId: string;
  readonly projectId: string;
  readonly resourceType: RoutedResourceType;
  readonly azName: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RoutingRow {
  id: string;
  top_id: string;
  bottom_id: string;
  pod_id: string;
  project_id: string;
  resource_type: string;
  az_name: string;
  created_at: Date | string;
  updated_at: Date | string;
}

export const ROUTING_COLUMNS = 'id::text, top_id, bottom_id, pod_id, project_id, resource_type, az_name, created_at, updated_at';

export const toRoutingView = (row: RoutingRow): RoutingView => ({
  id: row.id,
  topId: row.top_id,
  bottomId: row.bottom_id,
  podId: row.pod_id,
  projectId: row.project_id,
  resourceType: row.resource_type as RoutedResourceType,
  azName: row.az_name,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});
