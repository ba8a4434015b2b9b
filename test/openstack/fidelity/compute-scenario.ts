import { randomUUID } from 'node:crypto';
import { type Answer, call, type CloudTarget, waitForStatus } from './cloud-target';

/** One request of the scenario, as a cloud answered it, with the Tempest schema that judges it. */
export interface Observation {
  readonly step: string;
  readonly status: number;
  readonly body: unknown;
  readonly tempest?: string;
}

const MICROVERSION = '2.37'; // the lowest that boots with `networks: "none"`, as the openstack CLI must
const mv = `compute ${MICROVERSION}`;
const schema = (client: string, name: string) => `compute/${client}:${name}@${MICROVERSION}`;

/**
 * What podgate forwards most, in the order a user does it: discover, list flavors and zones,
 * boot, show, list, stop, a refused action, errors, delete. Runs the same way on every cloud.
 */
export async function computeScenario(target: CloudTarget): Promise<Observation[]> {
  const seen: Observation[] = [];
  const see = (step: string, answer: Answer, tempest?: string) => {
    seen.push({ step, status: answer.status, body: answer.body, tempest });
    return answer;
  };
  const get = async (step: string, path: string, tempest?: string) =>
    see(step, await call(target, 'compute', 'GET', path, { microversion: mv }), tempest);
  const root = {
    ...target,
    endpoints: { ...target.endpoints, compute: target.endpoints.compute!.replace(/\/v2(\.1)?(\/[^/]*)?$/, '') },
  };
  see('GET / (versions)', await call(root, 'compute', 'GET', '/'), 'compute/versions_client:VersionsClient:list_versions@2.1');
  const flavors = await get(
    'GET /flavors/detail',
    '/flavors/detail',
    schema('flavors_client:FlavorsClient', 'list_flavors_details'),
  );
  await get(
    'GET /os-availability-zone',
    '/os-availability-zone',
    schema('availability_zone_client:AvailabilityZoneClient', 'list_availability_zone_list'),
  );

  const flavorRef = smallestFlavor(flavors.body);
  const imageRef = await firstImage(target);
  const created = see(
    'POST /servers',
    await call(target, 'compute', 'POST', '/servers', {
      microversion: mv,
      body: { server: { name: `fidelity-${randomUUID().slice(0, 8)}`, imageRef, flavorRef, networks: 'none' } },
    }),
    // Tempest validates a create answer with adminPass against its v2.1 schema at any microversion.
    'compute/servers_client:ServersClient:create_server_with_admin_pass@2.1',
  );
  const id = (created.body as { server: { id: string } }).server.id;
  await get('GET /servers/{id} (BUILD or ACTIVE)', `/servers/${id}`, schema('servers_client:ServersClient', 'get_server'));
  await waitForStatus(target, 'compute', `/servers/${id}`, {
    resource: 'server',
    status: 'ACTIVE',
    failed: 'ERROR',
    microversion: mv,
  });
  await get('GET /servers/{id} (ACTIVE)', `/servers/${id}`, schema('servers_client:ServersClient', 'get_server'));
  await get('GET /servers/detail', '/servers/detail', schema('servers_client:ServersClient', 'list_servers_detail'));
  await get('GET /servers', '/servers?limit=1', schema('servers_client:ServersClient', 'list_servers'));
  see(
    'POST os-stop',
    await call(target, 'compute', 'POST', `/servers/${id}/action`, { microversion: mv, body: { 'os-stop': null } }),
  );
  await waitForStatus(target, 'compute', `/servers/${id}`, {
    resource: 'server',
    status: 'SHUTOFF',
    failed: 'ERROR',
    microversion: mv,
  });
  see(
    'POST pause on SHUTOFF (409)',
    await call(target, 'compute', 'POST', `/servers/${id}/action`, { microversion: mv, body: { pause: null } }),
  );
  await get('GET unknown server (404)', `/servers/${randomUUID()}`);
  see('GET /servers at 9.9 (406)', await call(target, 'compute', 'GET', '/servers', { microversion: 'compute 9.9' }));
  see('GET /servers without a token (401)', await call(target, 'compute', 'GET', '/servers', { token: null }));
  see('DELETE /servers/{id}', await call(target, 'compute', 'DELETE', `/servers/${id}`, { microversion: mv }));
  return seen;
}

function smallestFlavor(body: unknown): string {
  const flavors = (body as { flavors: { id: string; ram: number }[] }).flavors;
  return [...flavors].sort((a, b) => a.ram - b.ram)[0].id;
}

async function firstImage(target: CloudTarget): Promise<string> {
  const answer = await call(target, 'image', 'GET', '/v2/images');
  const images = (answer.body as { images: { id: string }[] }).images;
  if (!images?.length) throw new Error(`${target.label} has no image`);
  return images[0].id;
}
