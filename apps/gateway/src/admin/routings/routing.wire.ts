import { ROUTED_RESOURCE_TYPES, type RoutingView } from '@podgate/routing';
import { z } from 'zod';
import { pageLinksWire } from '../pagination/next-link';
import { limitParam, textParam, uuidMarkerParam, uuidParam } from '../validation/wire-params';

/** Tricircle's routing filters, snake_case on the wire. */
export const RoutingListQuery = z
  .object({
    top_id: textParam.optional(),
    bottom_id: textParam.optional(),
    pod_id: uuidParam.optional(),
    project_id: textParam.optional(),
    resource_type: z.enum(ROUTED_RESOURCE_TYPES).optional(),
    limit: limitParam,
    marker: uuidMarkerParam,
  })
  .transform((query) => ({
    topId: query.top_id,
    bottomId: query.bottom_id,
    podId: query.pod_id,
    projectId: query.project_id,
    resourceType: query.resource_type,
    limit: query.limit,
    marker: query.marker,
  }));

export const RoutingWire = z.object({
  id: z.uuid(),
  top_id: z.string(),
  bottom_id: z.string(),
  pod_id: z.string(),
  project_id: z.string(),
  resource_type: z.enum(ROUTED_RESOURCE_TYPES),
  az_name: z.string(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type RoutingWire = z.output<typeof RoutingWire>;

export const RoutingResponse = z.object({ routing: RoutingWire });
export const RoutingListResponse = z.object({ routings: z.array(RoutingWire), routings_links: pageLinksWire() });

export const toRoutingWire = (view: RoutingView): RoutingWire => ({
  id: view.id,
  top_id: view.topId,
  bottom_id: view.bottomId,
  pod_id: view.podId,
  project_id: view.projectId,
  resource_type: view.resourceType,
  az_name: view.azName,
  created_at: view.createdAt,
  updated_at: view.updatedAt,
});
