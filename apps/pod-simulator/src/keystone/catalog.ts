// The service catalog of the simulated Keystone: the gateway's endpoints in RegionOne and every
// pod as its own region. The identity endpoint is registered in every region because the real
// `openstack` CLI looks it up in OS_REGION_NAME (see openstack-lab.md, gotcha 3).
import { stableHexId } from '../ids';

export type EndpointInterface = 'public' | 'internal' | 'admin';

export interface CatalogEndpoint {
  id: string;
  interface: EndpointInterface;
  region: string;
  url: string;
  serviceId: string;
}

export interface CatalogService {
  id: string;
  type: string;
  name: string;
  description: string;
  endpoints: CatalogEndpoint[];
}

export interface CatalogRegion {
  id: string;
  description: string;
}

export interface CatalogPod {
  region: string;
  url: string;
}

const INTERFACES: EndpointInterface[] = ['public', 'internal', 'admin'];

const SERVICES = [
  { type: 'identity', name: 'keystone', description: 'Keystone Identity Service (pod simulator)' },
  { type: 'compute', name: 'nova', description: 'Nova Compute Service (pod simulator)' },
  { type: 'volumev3', name: 'cinderv3', description: 'Cinder Volume Service V3 (pod simulator)' },
  { type: 'block-storage', name: 'cinder', description: 'Cinder Volume Service (pod simulator)' },
  { type: 'network', name: 'neutron', description: 'Neutron Networking Service stub (pod simulator)' },
  { type: 'image', name: 'glance', description: 'Glance Image Service stub (pod simulator)' },
  { type: 'podgate', name: 'podgate', description: 'podgate admin API (/v1.0), the real gateway' },
] as const;

type ServiceType = (typeof SERVICES)[number]['type'];

export const GATEWAY_REGION = 'RegionOne';

/** Per-region URLs; a missing entry means the region does not offer that service. */
function regionUrls(
  keystoneUrl: string,
  gatewayUrl: string,
  pods: CatalogPod[],
): Map<string, Partial<Record<ServiceType, string>>> {
  const volume = (base: string) => `${base}/volume/v3/%(project_id)s`;
  const regions = new Map<string, Partial<Record<ServiceType, string>>>();
  regions.set(GATEWAY_REGION, {
    identity: `${keystoneUrl}/v3`,
    compute: `${gatewayUrl}/compute/v2.1`,
    volumev3: volume(gatewayUrl),
    'block-storage': volume(gatewayUrl),
    podgate: gatewayUrl,
  });
  for (const pod of pods) {
    regions.set(pod.region, {
      identity: `${keystoneUrl}/v3`,
      compute: `${pod.url}/compute/v2.1`,
      volumev3: volume(pod.url),
      'block-storage': volume(pod.url),
      network: `${pod.url}/network`,
      image: `${pod.url}/image`,
    });
  }
  return regions;
}

export function buildCatalog(keystoneUrl: string, gatewayUrl: string, pods: CatalogPod[]): CatalogService[] {
  const urls = regionUrls(keystoneUrl, gatewayUrl, pods);
  return SERVICES.map((s) => {
    const serviceId = stableHexId(`service:${s.type}`);
    const endpoints: CatalogEndpoint[] = [];
    for (const [region, byType] of urls) {
      const url = byType[s.type];
      if (!url) continue;
      for (const iface of INTERFACES) {
        endpoints.push({ id: stableHexId(`endpoint:${region}:${s.type}:${iface}`), interface: iface, region, url, serviceId });
      }
    }
    return { id: serviceId, type: s.type, name: s.name, description: s.description, endpoints };
  });
}

export function buildRegions(pods: CatalogPod[]): CatalogRegion[] {
  return [
    { id: GATEWAY_REGION, description: 'The podgate gateway (compute and volume APIs)' },
    ...pods.map((p) => ({ id: p.region, description: `Simulated pod ${p.region} (pod simulator test double)` })),
  ];
}

/** Keystone substitutes the project id into endpoint templates when it renders a token's catalog. */
export const substituteProject = (url: string, projectId: string): string =>
  url.replace(/%\(project_id\)s|\$\(project_id\)s|%\(tenant_id\)s|\$\(tenant_id\)s/g, projectId);
