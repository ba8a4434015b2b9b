// Compute hosts (hypervisors) and Nova services of one simulated pod, with their capacity.
import { newUuid } from '../ids';
import { PodConfig } from '../pod/pod-config';

export interface ComputeHost {
  /** Integer id shown before microversion 2.53. */
  legacyId: number;
  uuid: string;
  name: string;
  hypervisorIp: string;
  vcpus: number;
  memoryMb: number;
  diskGb: number;
}

export interface NovaService {
  legacyId: number;
  uuid: string;
  binary: 'nova-compute' | 'nova-conductor' | 'nova-scheduler';
  host: string;
  zone: string;
  disabled: boolean;
  disabledReason: string | null;
  forcedDown: boolean;
  updatedAt: number;
}

export function createHosts(config: PodConfig): ComputeHost[] {
  return Array.from({ length: config.hypervisorCount }, (_unused, i) => ({
    legacyId: i + 1,
    uuid: newUuid(),
    name: `${config.name}-compute${i + 1}`,
    hypervisorIp: `192.168.${Math.min(config.port % 250, 250)}.${i + 10}`,
    vcpus: config.capacity.vcpus,
    memoryMb: config.capacity.memoryMb,
    diskGb: config.capacity.diskGb,
  }));
}

export function createServices(config: PodConfig, hosts: ComputeHost[], now: number): NovaService[] {
  const controller = `${config.name}-controller`;
  const base = (binary: NovaService['binary'], host: string, zone: string, legacyId: number): NovaService => ({
    legacyId,
    uuid: newUuid(),
    binary,
    host,
    zone,
    disabled: false,
    disabledReason: null,
    forcedDown: false,
    updatedAt: now,
  });
  return [
    base('nova-conductor', controller, 'internal', 1),
    base('nova-scheduler', controller, 'internal', 2),
    ...hosts.map((h, i) => base('nova-compute', h.name, config.az, i + 3)),
  ];
}
