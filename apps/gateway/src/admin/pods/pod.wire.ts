import type { PodView } from '@podgate/pods';
import { z } from 'zod';
import { pageLinksWire } from '../pagination/next-link';

/** What the admin API shows of a pod: rm_pods in snake_case, usage as the collector last saw it. */
const PodEndpointsWire = z.object({
  compute: z.string().optional(),
  volume: z.string().optional(),
  image: z.string().optional(),
});

const PodUsageWire = z.object({
  vcpus: z.number().nullable(),
  vcpus_used: z.number().nullable(),
  memory_mb: z.number().nullable(),
  memory_mb_used: z.number().nullable(),
  disk_gb: z.number().nullable(),
  disk_gb_used: z.number().nullable(),
  running_vms: z.number().nullable(),
  used_fraction: z.number().nullable().meta({ description: 'The fullest of vCPUs, memory and disk, 0..1.' }),
  reachable: z.boolean(),
  reported_at: z.iso.datetime(),
  error: z.string().nullable().meta({ description: 'Why the last poll failed, while reachable is false.' }),
});

export const PodWire = z.object({
  pod_id: z.uuid(),
  name: z.string(),
  az_name: z.string(),
  pod_az_name: z.string(),
  dc_name: z.string(),
  affinity_tag: z.string().nullable(),
  capacity_threshold: z.number(),
  endpoints: PodEndpointsWire,
  in_maintenance: z.boolean(),
  maintenance_reason: z.string().nullable(),
  status: z.enum(['active', 'deregistered']),
  registered_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  usage: PodUsageWire.nullable().meta({ description: 'null until the usage collector has polled the pod.' }),
});
export type PodWire = z.output<typeof PodWire>;

export const PodResponse = z.object({ pod: PodWire });
export const PodListResponse = z.object({ pods: z.array(PodWire), pods_links: pageLinksWire() });

export function toPodWire(view: PodView): PodWire {
  const usage = view.usage;
  return {
    pod_id: view.podId,
    name: view.name,
    az_name: view.azName,
    pod_az_name: view.podAzName,
    dc_name: view.dcName,
    affinity_tag: view.affinityTag,
    capacity_threshold: view.capacityThreshold,
    endpoints: { ...view.endpoints },
    in_maintenance: view.inMaintenance,
    maintenance_reason: view.maintenanceReason,
    status: view.status,
    registered_at: view.registeredAt.toISOString(),
    updated_at: view.updatedAt.toISOString(),
    usage: usage && {
      vcpus: usage.vcpus,
      vcpus_used: usage.vcpusUsed,
      memory_mb: usage.memoryMb,
      memory_mb_used: usage.memoryMbUsed,
      disk_gb: usage.diskGb,
      disk_gb_used: usage.diskGbUsed,
      running_vms: usage.runningVms,
      used_fraction: usage.usedFraction,
      reachable: usage.reachable,
      reported_at: usage.reportedAt.toISOString(),
      error: usage.error,
    },
  };
}
