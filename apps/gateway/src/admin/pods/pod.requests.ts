import type { RegisterPodInput, UpdatePodInput } from '@podgate/pods';
import { z } from 'zod';
import { booleanParam, limitParam, nameField, textParam, uuidMarkerParam } from '../validation/wire-params';

/** What a client may send about pods: snake_case, strict (unknown fields are refused, as Nova's schemas do). */

const httpUrl = z.url({ protocol: /^https?$/ });
const optionalText = z.string().trim().max(255);

const EndpointsBody = z
  .strictObject({ compute: httpUrl.optional(), volume: httpUrl.optional(), image: httpUrl.optional() })
  .meta({ description: "Overrides of the Keystone catalog's endpoints in the pod's region." });

const ProfileFields = {
  az_name: nameField.meta({ description: 'The availability zone users see.' }),
  pod_az_name: optionalText.meta({ description: 'The availability zone inside the pod; empty lets the pod choose.' }),
  dc_name: optionalText,
  affinity_tag: nameField.nullable().meta({ description: "Matched against a flavor's or volume type's affinity extra spec." }),
  capacity_threshold: z
    .number()
    .gt(0)
    .lte(1)
    .meta({ description: 'Share of capacity above which the pod takes no new tenants.' }),
  endpoints: EndpointsBody,
};

type ProfileWire = { readonly [K in keyof typeof ProfileFields]?: z.output<(typeof ProfileFields)[K]> };

/** The profile fields under the slice's names; a field the client left out stays undefined. */
const profileOf = (pod: ProfileWire) => ({
  azName: pod.az_name,
  podAzName: pod.pod_az_name,
  dcName: pod.dc_name,
  affinityTag: pod.affinity_tag,
  capacityThreshold: pod.capacity_threshold,
  endpoints: pod.endpoints,
});

export const RegisterPodBody = z
  .strictObject({
    pod: z.strictObject({
      name: nameField.regex(/^[^/]+$/).meta({ description: "The pod's Keystone region id." }),
      az_name: ProfileFields.az_name,
      pod_az_name: ProfileFields.pod_az_name.optional(),
      dc_name: ProfileFields.dc_name.optional(),
      affinity_tag: ProfileFields.affinity_tag.optional(),
      capacity_threshold: ProfileFields.capacity_threshold.default(0.9),
      endpoints: ProfileFields.endpoints.optional(),
    }),
  })
  // azName again: profileOf types it optional, and registering requires it (the schema above does too).
  .transform(({ pod }): RegisterPodInput => ({ name: pod.name, ...profileOf(pod), azName: pod.az_name }));

export const UpdatePodBody = z
  .strictObject({
    pod: z
      .strictObject({
        az_name: ProfileFields.az_name.optional(),
        pod_az_name: ProfileFields.pod_az_name.optional(),
        dc_name: ProfileFields.dc_name.optional(),
        affinity_tag: ProfileFields.affinity_tag.optional(),
        capacity_threshold: ProfileFields.capacity_threshold.optional(),
        endpoints: ProfileFields.endpoints.optional(),
        maintenance: z
          .boolean()
          .optional()
          .meta({ description: 'true drains the pod (no new tenants), false ends maintenance.' }),
        maintenance_reason: optionalText.optional().meta({ description: 'Recorded when maintenance starts.' }),
      })
      .refine((pod) => pod.maintenance_reason === undefined || pod.maintenance === true, {
        path: ['maintenance_reason'],
        message: 'maintenance_reason is only taken with maintenance: true',
      }),
  })
  .transform(({ pod }): Omit<UpdatePodInput, 'podId'> => ({
    changes: definedOnly(profileOf(pod)),
    maintenance: pod.maintenance,
    maintenanceReason: pod.maintenance_reason,
  }));

/** "Leave as is" is a field left out; the slice compares what is there. */
const definedOnly = <T extends object>(record: T): Partial<T> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as Partial<T>;

export const PodListQuery = z
  .object({
    az_name: textParam.optional(),
    name: textParam.optional(),
    in_maintenance: booleanParam.optional(),
    status: z.enum(['active', 'deregistered']).optional(),
    limit: limitParam,
    marker: uuidMarkerParam,
  })
  .transform((query) => ({
    azName: query.az_name,
    name: query.name,
    inMaintenance: query.in_maintenance,
    status: query.status,
    limit: query.limit,
    marker: query.marker,
  }));

export const DeregisterPodQuery = z
  .object({
    force: booleanParam
      .optional()
      .meta({ description: 'Deregister even while tenants are bound or resources routed to the pod.' }),
    reason: optionalText.optional(),
  })
  .transform((query) => ({ force: query.force ?? false, reason: query.reason }));
