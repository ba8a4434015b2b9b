// os-hypervisors of the simulated Nova (admin): the numbers a gateway's capacity weighers read.
// Usage comes from the servers on each host; the "capacity exhausted" fault reports them full.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiVersion, atLeast } from '../http/microversion';
import { notFound } from '../http/openstack-error';
import { microversionOf } from '../http/request-context';
import { PodState } from '../pod/pod-state';
import { requireComputeAdmin } from './flavors.routes';
import { ComputeHost } from './hosts';
import { NovaContext, param } from './nova-context';

function renderHypervisor(pod: PodState, h: ComputeHost, version: ApiVersion, detail: boolean): Record<string, unknown> {
  const service = pod.nova.computeService(h.name);
  const base: Record<string, unknown> = {
    id: atLeast(version, '2.53') ? h.uuid : h.legacyId,
    hypervisor_hostname: h.name,
    state: service?.forcedDown ? 'down' : 'up',
    status: service?.disabled ? 'disabled' : 'enabled',
  };
  if (!detail) return base;
  Object.assign(base, {
    hypervisor_type: 'fake',
    hypervisor_version: 1000,
    host_ip: h.hypervisorIp,
    service: {
      host: h.name,
      id: atLeast(version, '2.53') ? service?.uuid : service?.legacyId,
      disabled_reason: service?.disabledReason ?? null,
    },
  });
  // 2.88 removed the resource numbers from hypervisor views (they live in placement since).
  if (atLeast(version, '2.88')) return { ...base, uptime: null };
  const used = pod.scheduler.reportedUsage(h);
  return {
    ...base,
    vcpus: h.vcpus,
    memory_mb: h.memoryMb,
    local_gb: h.diskGb,
    vcpus_used: used.vcpusUsed,
    memory_mb_used: used.memoryMbUsed,
    local_gb_used: used.diskGbUsed,
    free_ram_mb: h.memoryMb - used.memoryMbUsed,
    free_disk_gb: h.diskGb - used.diskGbUsed,
    current_workload: 0,
    running_vms: used.runningVms,
    disk_available_least: h.diskGb - used.diskGbUsed,
    cpu_info:
      '{"arch": "x86_64", "model": "simulated", "vendor": "pod-simulator", "topology": {"cores": 1, "threads": 1, "sockets": 1}}',
  };
}

export function registerHypervisorRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  const admin = (request: FastifyRequest, verb: string) => requireComputeAdmin(request, `os_compute_api:os-hypervisors:${verb}`);
  const list = (detail: boolean) => async (request: FastifyRequest) => {
    admin(request, detail ? 'list-detail' : 'list');
    return { hypervisors: pod.nova.hosts.map((h) => renderHypervisor(pod, h, microversionOf(request), detail)) };
  };
  app.get('/os-hypervisors', list(false));
  app.get('/os-hypervisors/detail', list(true));

  app.get('/os-hypervisors/statistics', async (request) => {
    admin(request, 'statistics');
    const version = microversionOf(request);
    if (atLeast(version, '2.88'))
      throw notFound(`API version ${version.major}.${version.minor} is not supported on this method.`);
    return { hypervisor_statistics: pod.scheduler.statistics() };
  });

  app.get('/os-hypervisors/:id', async (request) => {
    admin(request, 'show');
    const id = param(request, 'id');
    const host = pod.nova.hosts.find((h) => h.uuid === id || String(h.legacyId) === id);
    if (!host) throw notFound(`Hypervisor with ID ${id} could not be found.`);
    return { hypervisor: renderHypervisor(pod, host, microversionOf(request), true) };
  });
}
