import { z } from 'zod';
import { instantParam, limitParam, textParam, uuidParam } from '../validation/wire-params';

const FILTER_FIELDS = {
  project_id: textParam.optional().meta({ description: 'The tenant the event concerns.' }),
  pod_id: uuidParam.optional(),
  resource_id: textParam.optional().meta({
    description: 'A resource as <type>/<id> (e.g. pod/<pod_id>, server/<server_id>), or the bare id part of its stream.',
  }),
  type: textParam.optional().meta({ description: 'An event type, e.g. PodRegistered.' }),
  since: instantParam.optional().meta({ description: 'Occurred at or after this instant.' }),
  until: instantParam.optional().meta({ description: 'Occurred before this instant.' }),
};

type FilterWire = z.output<z.ZodObject<typeof FILTER_FIELDS>>;

const toFilter = (query: FilterWire) => ({
  projectId: query.project_id,
  podId: query.pod_id,
  resourceId: query.resource_id,
  type: query.type,
  since: query.since,
  until: query.until,
});

export const AuditListQuery = z
  .object({
    ...FILTER_FIELDS,
    limit: limitParam,
    marker: z
      .string()
      .regex(/^\d{1,20}\/\d{1,20}$/)
      .optional()
      .meta({ description: 'The position ("commit/prepare") of the last event of the previous page.' }),
  })
  .transform((query) => ({ ...toFilter(query), limit: query.limit, marker: query.marker }));

export const AuditExportQuery = z.object(FILTER_FIELDS).transform(toFilter);
