// os-availability-zone of the simulated Nova: the pod's zone (and, in detail, the internal zone).
import type { FastifyInstance } from 'fastify';
import { isoMicrosNaive } from '../clock';
import { requireComputeAdmin } from './flavors.routes';
import { NovaContext } from './nova-context';

export function registerAvailabilityZoneRoutes(app: FastifyInstance, { pod }: NovaContext): void {
  app.get('/os-availability-zone', async () => ({
    availabilityZoneInfo: [{ zoneName: pod.config.az, zoneState: { available: true }, hosts: null }],
  }));

  app.get('/os-availability-zone/detail', async (request) => {
    requireComputeAdmin(request, 'os_compute_api:os-availability-zone:detail');
    const zones = new Map<string, Record<string, Record<string, unknown>>>();
    for (const service of pod.nova.services) {
      const hosts = zones.get(service.zone) ?? {};
      hosts[service.host] = {
        ...hosts[service.host],
        [service.binary]: {
          available: !service.disabled,
          active: !service.forcedDown,
          updated_at: isoMicrosNaive(service.updatedAt),
        },
      };
      zones.set(service.zone, hosts);
    }
    return {
      availabilityZoneInfo: [...zones].map(([zoneName, hosts]) => ({ zoneName, zoneState: { available: true }, hosts })),
    };
  });
}
