import type { ApiRequest } from '../admin-client/admin-http';
import type { PageOptions } from './admin-command';

export const ROUTING_PATH = '/v1.0/routings';
export const RESOURCE_TYPES = ['server', 'volume', 'snapshot', 'backup'] as const;

export interface RoutingListOptions extends PageOptions {
  readonly topId?: string;
  readonly bottomId?: string;
  readonly project?: string;
  readonly resourceType?: string;
}

/** Tricircle's routing filters; `--pod` arrives resolved to an id. */
export function routingListRequest(options: RoutingListOptions, podId?: string): ApiRequest {
  return {
    method: 'GET',
    path: ROUTING_PATH,
    query: {
      top_id: options.topId,
      bottom_id: options.bottomId,
      pod_id: podId,
      project_id: options.project,
      resource_type: options.resourceType,
      marker: options.marker,
    },
  };
}
