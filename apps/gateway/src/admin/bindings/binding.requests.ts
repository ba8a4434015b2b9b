import { z } from 'zod';
import {
  booleanParam,
  instantParam,
  limitParam,
  nameField,
  textParam,
  uuidMarkerParam,
  uuidParam,
} from '../validation/wire-params';

/** What a client may send about bindings: snake_case, strict bodies. */

export const PinTenantBody = z
  .strictObject({
    binding: z.strictObject({
      project_id: nameField.meta({ description: 'The Keystone project (tenant) to bind.' }),
      az_name: nameField,
      pod_id: uuidParam,
      affinity_tag: nameField
        .nullable()
        .optional()
        .meta({ description: 'The affinity group; null or absent for the default group.' }),
    }),
  })
  .transform(({ binding }) => ({
    projectId: binding.project_id,
    azName: binding.az_name,
    podId: binding.pod_id,
    affinityTag: binding.affinity_tag ?? null,
  }));

export const BindingListQuery = z
  .object({
    project_id: textParam.optional(),
    pod_id: uuidParam.optional(),
    az_name: textParam.optional(),
    active: booleanParam.optional(),
    as_of: instantParam.optional().meta({ description: 'Bindings in force at this instant (bound_at <= as_of < ended_at).' }),
    limit: limitParam,
    marker: uuidMarkerParam,
  })
  .transform((query) => ({
    projectId: query.project_id,
    podId: query.pod_id,
    azName: query.az_name,
    active: query.active,
    asOf: query.as_of,
    limit: query.limit,
    marker: query.marker,
  }));

export const EndBindingQuery = z
  .object({ reason: z.string().trim().max(255).optional().meta({ description: "Recorded as the binding's end reason." }) })
  .transform((query) => ({ reason: query.reason }));
