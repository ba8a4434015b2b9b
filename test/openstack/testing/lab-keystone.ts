// The lab's Keystone (test/openstack-lab) as the compute and volume CLI suites need it: tokens with
// their catalog, and a temporary region whose compute and volume endpoints are podgate's, removed again afterwards.
import { randomBytes } from 'node:crypto';
import type { CliUser } from '../../system/testing/openstack-cli';

/** test/openstack-lab's lab-only defaults (loopback only). */
export const LAB_AUTH_URL = process.env.PODGATE_LAB_AUTH_URL ?? 'http://127.0.0.1:5000/v3';
export const LAB_ADMIN: CliUser = {
  username: 'admin',
  password: process.env.PODGATE_LAB_ADMIN_PASS ?? 'lab-admin-secret',
  projectName: 'admin',
};

interface CatalogEntry {
  readonly type: string;
  readonly endpoints: readonly { interface: string; region_id?: string; region?: string; url: string }[];
}

export interface LabSession {
  readonly token: string;
  readonly projectId: string;
  /** The public endpoint of a service type in a region, `%(project_id)s` filled in, no trailing slash. */
  endpoint(region: string, type: string): string;
}

export async function labLogin(user: CliUser): Promise<LabSession> {
  const domain = { name: 'Default' };
  const response = await fetch(`${LAB_AUTH_URL}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user.username, domain, password: user.password } } },
        scope: { project: { name: user.projectName, domain } },
      },
    }),
    signal: AbortSignal.timeout(30_000),
  });
  if (response.status !== 201)
    throw new Error(`lab Keystone refused ${user.username}: ${response.status} ${await response.text()}`);
  const { token } = (await response.json()) as { token: { project: { id: string }; catalog: CatalogEntry[] } };
  return {
    token: response.headers.get('x-subject-token')!,
    projectId: token.project.id,
    endpoint: (region, type) => {
      const found = token.catalog
        .filter((entry) => entry.type === type)
        .flatMap((entry) => entry.endpoints)
        .find((e) => e.interface === 'public' && (e.region_id ?? e.region) === region);
      if (!found) throw new Error(`the lab catalog has no public ${type} endpoint in ${region}`);
      return found.url.replace('%(project_id)s', token.project.id).replace(/\/+$/, '');
    },
  };
}

async function keystone(admin: LabSession, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${LAB_AUTH_URL}${path}`, {
    method,
    headers: { 'x-auth-token': admin.token, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`lab Keystone: ${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>);
}

export interface CliRegion {
  readonly name: string;
  remove(): Promise<void>;
}

/**
 * A region of its own (never RegionOne: other suites use the lab at the same time) holding identity
 * and podgate's compute and volume endpoints, so novaclient, cinderclient and the SDK find podgate in
 * the catalog (cinderclient reads `volumev3`, the SDK `block-storage`).
 */
export async function addPodgateRegion(admin: LabSession, gatewayUrl: string): Promise<CliRegion> {
  const name = `podgate-cli-${randomBytes(4).toString('hex')}`;
  const serviceId = async (type: string) => {
    const { services } = (await keystone(admin, 'GET', `/services?type=${type}`)) as { services: { id: string }[] };
    if (!services[0]) throw new Error(`the lab has no ${type} service`);
    return services[0].id;
  };
  await keystone(admin, 'POST', '/regions', { region: { id: name, description: 'podgate CLI suite (temporary)' } });
  const endpointIds: string[] = [];
  const removeAll = async () => {
    for (const id of endpointIds) await keystone(admin, 'DELETE', `/endpoints/${id}`);
    await keystone(admin, 'DELETE', `/regions/${name}`);
  };
  try {
    for (const [type, url] of [
      ['identity', LAB_AUTH_URL],
      ['compute', `${gatewayUrl}/compute/v2.1`],
      ['volumev3', `${gatewayUrl}/volume/v3/%(project_id)s`],
      ['block-storage', `${gatewayUrl}/volume/v3/%(project_id)s`],
    ] as const) {
      const { endpoint } = (await keystone(admin, 'POST', '/endpoints', {
        endpoint: { service_id: await serviceId(type), interface: 'public', region_id: name, url, enabled: true },
      })) as { endpoint: { id: string } };
      endpointIds.push(endpoint.id);
    }
  } catch (error) {
    await removeAll().catch(() => undefined);
    throw error;
  }
  return { name, remove: removeAll };
}

export interface TemporaryMember {
  readonly user: CliUser;
  remove(): Promise<void>;
}

/**
 * A project and a member user of its own for one run: the lab's `demo` tenant is shared with other
 * suites, whose servers would show up in this run's lists.
 */
export async function addTemporaryMember(admin: LabSession, name: string): Promise<TemporaryMember> {
  const password = randomBytes(12).toString('hex');
  const { roles } = (await keystone(admin, 'GET', '/roles?name=member')) as { roles: { id: string }[] };
  if (!roles[0]) throw new Error('the lab has no member role');
  const { project } = (await keystone(admin, 'POST', '/projects', {
    project: { name, domain_id: 'default', description: 'podgate CLI suite (temporary)' },
  })) as { project: { id: string } };
  let userId: string | undefined;
  const remove = async () => {
    if (userId) await keystone(admin, 'DELETE', `/users/${userId}`);
    await keystone(admin, 'DELETE', `/projects/${project.id}`);
  };
  try {
    const { user } = (await keystone(admin, 'POST', '/users', {
      user: { name, password, domain_id: 'default', default_project_id: project.id },
    })) as { user: { id: string } };
    userId = user.id;
    await keystone(admin, 'PUT', `/projects/${project.id}/users/${user.id}/roles/${roles[0].id}`);
  } catch (error) {
    await remove().catch(() => undefined);
    throw error;
  }
  return { user: { username: name, password, projectName: name }, remove };
}
