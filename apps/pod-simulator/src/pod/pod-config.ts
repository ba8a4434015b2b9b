// Configuration of one simulated pod (a test double standing in for one OpenStack cloud).
import { VersionRange, mustParseVersion } from '../http/microversion';

export interface HypervisorCapacity {
  vcpus: number;
  memoryMb: number;
  diskGb: number;
}

export interface NovaQuotas {
  instances: number;
  cores: number;
  ram: number;
  keyPairs: number;
  metadataItems: number;
  serverGroups: number;
  serverGroupMembers: number;
}

export interface CinderQuotas {
  volumes: number;
  gigabytes: number;
  snapshots: number;
  backups: number;
  backupGigabytes: number;
}

export interface PodDelays {
  /** BUILD -> ACTIVE (or ERROR when no host fits). */
  buildMs: number;
  /** Every other server task (stop, reboot, resize, delete, ...). */
  actionMs: number;
  /** Volume, snapshot and backup transitions (creating -> available, ...). */
  volumeMs: number;
}

export interface PodConfig {
  /** Short name used in logs and /__sim routes, e.g. `pod1`. */
  name: string;
  /** Keystone region of the pod, e.g. `Pod1`. */
  region: string;
  /** The availability zone every host of the pod is in. */
  az: string;
  /** 0 picks a free port. */
  port: number;
  compute: VersionRange;
  volume: VersionRange;
  hypervisorCount: number;
  /** Capacity of each hypervisor. */
  capacity: HypervisorCapacity;
  /** Nova's initial_*_allocation_ratio defaults since Stein: cpu 4.0, ram 1.0, disk 1.0. */
  allocationRatio: { cpu: number; ram: number; disk: number };
  quotas: NovaQuotas;
  volumeQuotas: CinderQuotas;
  delays: PodDelays;
  /** Nova's default shelved_offload_time = 0 offloads right after shelving. */
  shelveOffloadImmediately: boolean;
}

/** Everything in a pod's JSON config is optional; see `resolvePodConfig`. */
export interface PodOptions {
  name?: string;
  region?: string;
  az?: string;
  port?: number;
  computeMaxVersion?: string;
  volumeMaxVersion?: string;
  hypervisorCount?: number;
  capacity?: Partial<HypervisorCapacity>;
  allocationRatio?: Partial<PodConfig['allocationRatio']>;
  quotas?: Partial<NovaQuotas>;
  volumeQuotas?: Partial<CinderQuotas>;
  delays?: Partial<PodDelays>;
  shelveOffloadImmediately?: boolean;
}

export const DEFAULT_DELAYS: PodDelays = { buildMs: 1000, actionMs: 300, volumeMs: 500 };

export const DEFAULT_NOVA_QUOTAS: NovaQuotas = {
  instances: 10,
  cores: 20,
  ram: 51200,
  keyPairs: 100,
  metadataItems: 128,
  serverGroups: 10,
  serverGroupMembers: 10,
};

export const DEFAULT_CINDER_QUOTAS: CinderQuotas = {
  volumes: 10,
  gigabytes: 1000,
  snapshots: 10,
  backups: 10,
  backupGigabytes: 1000,
};

export function resolvePodConfig(index: number, options: PodOptions, defaults: { delays?: Partial<PodDelays> } = {}): PodConfig {
  const n = index + 1;
  return {
    name: options.name ?? `pod${n}`,
    region: options.region ?? `Pod${n}`,
    az: options.az ?? `az${n}`,
    port: options.port ?? 0,
    compute: { min: mustParseVersion('2.1'), max: mustParseVersion(options.computeMaxVersion ?? '2.96') },
    volume: { min: mustParseVersion('3.0'), max: mustParseVersion(options.volumeMaxVersion ?? '3.71') },
    hypervisorCount: options.hypervisorCount ?? 2,
    capacity: { vcpus: 16, memoryMb: 32768, diskGb: 500, ...options.capacity },
    allocationRatio: { cpu: 4, ram: 1, disk: 1, ...options.allocationRatio },
    quotas: { ...DEFAULT_NOVA_QUOTAS, ...options.quotas },
    volumeQuotas: { ...DEFAULT_CINDER_QUOTAS, ...options.volumeQuotas },
    delays: { ...DEFAULT_DELAYS, ...defaults.delays, ...options.delays },
    shelveOffloadImmediately: options.shelveOffloadImmediately ?? true,
  };
}
