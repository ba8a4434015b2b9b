// Capacity of one simulated pod: what each host has used, whether a flavor fits (with Nova's
// allocation ratios), which host the scheduler picks, and the hypervisor statistics a gateway's
// weighers read. Usage is always recomputed from the servers, so it can never drift.
import { FaultState } from '../faults/fault-state';
import { PodConfig } from '../pod/pod-config';
import { ComputeHost, NovaService } from './hosts';
import { FlavorSnapshot, ServerRecord } from './server.model';

export interface HostUsage {
  vcpusUsed: number;
  memoryMbUsed: number;
  diskGbUsed: number;
  runningVms: number;
}

export interface SchedulerSource {
  config: PodConfig;
  hosts(): ComputeHost[];
  services(): NovaService[];
  faults: FaultState;
  servers(): Iterable<ServerRecord>;
}

/** Boot-from-volume servers keep their root disk in Cinder, so only ephemeral/swap is local. */
export const localDiskGb = (flavor: FlavorSnapshot, bootFromVolume: boolean): number =>
  (bootFromVolume ? 0 : flavor.disk) + flavor.ephemeral + Math.ceil(flavor.swap / 1024);

export class Scheduler {
  constructor(private readonly source: SchedulerSource) {}

  usage(hostName: string): HostUsage {
    const usage: HostUsage = { vcpusUsed: 0, memoryMbUsed: 0, diskGbUsed: 0, runningVms: 0 };
    for (const s of this.source.servers()) {
      if (s.host !== hostName) continue;
      usage.vcpusUsed += s.flavor.vcpus;
      usage.memoryMbUsed += s.flavor.ram;
      usage.diskGbUsed += localDiskGb(s.flavor, s.imageId === null);
      usage.runningVms += 1;
    }
    return usage;
  }

  /** Usage as reported: all of it when the "capacity exhausted" fault is on. */
  reportedUsage(host: ComputeHost): HostUsage {
    if (this.source.faults.settings.capacityExhausted) {
      return { ...this.usage(host.name), vcpusUsed: host.vcpus, memoryMbUsed: host.memoryMb, diskGbUsed: host.diskGb };
    }
    return this.usage(host.name);
  }

  fits(host: ComputeHost, flavor: FlavorSnapshot, bootFromVolume: boolean): boolean {
    if (this.source.faults.settings.capacityExhausted) return false;
    const service = this.source.services().find((s) => s.binary === 'nova-compute' && s.host === host.name);
    if (!service || service.disabled || service.forcedDown) return false;
    const used = this.usage(host.name);
    const ratio = this.source.config.allocationRatio;
    return (
      used.vcpusUsed + flavor.vcpus <= host.vcpus * ratio.cpu &&
      used.memoryMbUsed + flavor.ram <= host.memoryMb * ratio.ram &&
      used.diskGbUsed + localDiskGb(flavor, bootFromVolume) <= host.diskGb * ratio.disk
    );
  }

  /** Nova's default RAM weigher spreads: the host with the most free RAM wins. */
  pickHost(
    flavor: FlavorSnapshot,
    bootFromVolume: boolean,
    options: { exclude?: string | null; only?: string } = {},
  ): ComputeHost | undefined {
    const candidates = this.source
      .hosts()
      .filter(
        (h) =>
          h.name !== options.exclude &&
          (options.only === undefined || h.name === options.only) &&
          this.fits(h, flavor, bootFromVolume),
      );
    const freeRam = (h: ComputeHost) => h.memoryMb * this.source.config.allocationRatio.ram - this.usage(h.name).memoryMbUsed;
    return candidates.sort((a, b) => freeRam(b) - freeRam(a) || a.name.localeCompare(b.name))[0];
  }

  statistics(): Record<string, number> {
    const totals = {
      count: 0,
      vcpus: 0,
      vcpus_used: 0,
      memory_mb: 0,
      memory_mb_used: 0,
      local_gb: 0,
      local_gb_used: 0,
      running_vms: 0,
    };
    for (const host of this.source.hosts()) {
      const used = this.reportedUsage(host);
      totals.count += 1;
      totals.vcpus += host.vcpus;
      totals.vcpus_used += used.vcpusUsed;
      totals.memory_mb += host.memoryMb;
      totals.memory_mb_used += used.memoryMbUsed;
      totals.local_gb += host.diskGb;
      totals.local_gb_used += used.diskGbUsed;
      totals.running_vms += used.runningVms;
    }
    return {
      ...totals,
      free_ram_mb: totals.memory_mb - totals.memory_mb_used,
      free_disk_gb: totals.local_gb - totals.local_gb_used,
      current_workload: 0,
      disk_available_least: totals.local_gb - totals.local_gb_used,
    };
  }
}
