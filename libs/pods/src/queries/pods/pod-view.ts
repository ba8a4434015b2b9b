import type { PodEndpoints } from '../../domain/pod.events';

/** Last known capacity of a pod, as the usage collector recorded it. */
export interface PodUsageView {
  /** null until the pod has answered once (it may have been unreachable from the first poll). */
  readonly vcpus: number | null;
  readonly vcpusUsed: number | null;
  readonly memoryMb: number | null;
  readonly memoryMbUsed: number | null;
  readonly diskGb: number | null;
  readonly diskGbUsed: number | null;
  readonly runningVms: number | null;
  /** The fullest of vCPUs, memory and disk, 0..1 (above 1 when overcommitted); null until the pod has answered. */
  readonly usedFraction: number | null;
  readonly reachable: boolean;
  readonly reportedAt: Date;
  /** Why the last poll failed, while `reachable` is false. */
  readonly error: string | null;
}

/** A row of rm_pods, camelCase. */
export interface PodView {
  readonly podId: string;
  readonly name: string;
  readonly azName: string;
  readonly podAzName: string;
  readonly dcName: string;
  readonly affinityTag: string | null;
  readonly capacityThreshold: number;
  readonly endpoints: PodEndpoints;
  readonly inMaintenance: boolean;
  readonly maintenanceReason: string | null;
  readonly status: 'active' | 'deregistered';
  readonly registeredAt: Date;
  /** Global commit position of the (latest) PodRegistered: "registration order". Not for JSON: a bigint. */
  readonly registrationSeq: bigint;
  readonly updatedAt: Date;
  /** null until the usage collector has reported on the pod (a never-polled pod counts as reachable). */
  readonly usage: PodUsageView | null;
}

/** Selected with numbers cast so pg and PGlite return the same JS types. */
export const POD_COLUMNS = `pod_id::text, name, az_name, pod_az_name, dc_name, affinity_tag, capacity_threshold::float8,
  endpoints, in_maintenance, maintenance_reason, status, registered_at, registration_seq::text, updated_at,
  vcpus::float8, vcpus_used::float8, memory_mb::float8, memory_mb_used::float8, disk_gb::float8, disk_gb_used::float8,
  running_vms::float8, used_fraction::float8, reachable, usage_reported_at, usage_error`;

export interface PodRow {
  pod_id: string;
  name: string;
  az_name: string;
  pod_az_name: string;
  dc_name: string;
  affinity_tag: string | null;
  capacity_threshold: number;
  endpoints: PodEndpoints;
  in_maintenance: boolean;
  maintenance_reason: string | null;
  status: 'active' | 'deregistered';
  registered_at: Date | string;
  registration_seq: string;
  updated_at: Date | string;
  vcpus: number | null;
  vcpus_used: number | null;
  memory_mb: number | null;
  memory_mb_used: number | null;
  disk_gb: number | null;
  disk_gb_used: number | null;
  running_vms: number | null;
  used_fraction: number | null;
  reachable: boolean | null;
  usage_reported_at: Date | string | null;
  usage_error: string | null;
}

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

export function toPodView(row: PodRow): PodView {
  return {
    podId: row.pod_id,
    name: row.name,
    azName: row.az_name,
    podAzName: row.pod_az_name,
    dcName: row.dc_name,
    affinityTag: row.affinity_tag,
    capacityThreshold: Number(row.capacity_threshold),
    endpoints: row.endpoints,
    inMaintenance: row.in_maintenance,
    maintenanceReason: row.maintenance_reason,
    status: row.status,
    registeredAt: toDate(row.registered_at),
    registrationSeq: BigInt(row.registration_seq),
    updatedAt: toDate(row.updated_at),
    usage:
      row.reachable === null || row.usage_reported_at === null
        ? null
        : {
            vcpus: row.vcpus,
            vcpusUsed: row.vcpus_used,
            memoryMb: row.memory_mb,
            memoryMbUsed: row.memory_mb_used,
            diskGb: row.disk_gb,
            diskGbUsed: row.disk_gb_used,
            runningVms: row.running_vms,
            usedFraction: row.used_fraction,
            reachable: row.reachable,
            reportedAt: toDate(row.usage_reported_at),
            error: row.usage_error,
          },
  };
}
