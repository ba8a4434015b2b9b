// A Neutron v2.0 stub under /network of a pod's port (a test double): networks, subnets, ports,
// security groups, extensions and availability zones, read-mostly. Enough for Nova and the CLI.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SimLog, installErrorHandling } from '../http/app';
import { envelope, optionalString, requiredString } from '../http/body';
import { hostUrl } from '../http/links';
import { keystoneAuthHook } from '../http/keystone-auth';
import { OpenStackError, conflict } from '../http/openstack-error';
import { Query, asQuery, queryList } from '../http/query';
import { callerOf } from '../http/request-context';
import { newUuid } from '../ids';
import { KeystoneState } from '../keystone/keystone-state';
import { PodState } from '../pod/pod-state';
import { renderNetwork, renderPort, renderSecurityGroup, renderSubnet, securityGroupRules } from './network-views';

const notFoundAs = (type: string, message: string) => new OpenStackError(404, message, type);
const CONTROL = new Set(['fields', 'limit', 'marker', 'sort_key', 'sort_dir', 'page_reverse']);

/** Neutron filters on any attribute by equality; several values of one key are ORed. */
function filtered(items: Record<string, unknown>[], query: Query): Record<string, unknown>[] {
  const keys = Object.keys(query).filter((k) => !CONTROL.has(k));
  return items.filter((item) => keys.every((k) => queryList(query, k).some((v) => String(item[k]) === v)));
}

const EXTENSIONS = [
  ['availability_zone', 'Availability Zone'],
  ['security-group', 'security-group'],
  ['external-net', 'Neutron external network'],
  ['router', 'Neutron L3 Router'],
  ['quotas', 'Quota management support'],
].map(([alias, name]) => ({
  alias,
  name,
  description: `${name} (pod simulator stub)`,
  updated: '2015-01-01T10:00:00-00:00',
  links: [],
}));

export function neutronPlugin(pod: PodState, keystone: KeystoneState, log?: SimLog) {
  return async (app: FastifyInstance): Promise<void> => {
    installErrorHandling(app, 'neutron', log);
    app.get('/', async (request) => ({
      versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ href: `${hostUrl(request)}/network/v2.0/`, rel: 'self' }] }],
    }));
    await app.register(
      async (v2) => {
        v2.addHook(
          'onRequest',
          keystoneAuthHook(keystone.tokens, () => keystone.url),
        );
        registerNetworkRoutes(v2, pod);
      },
      { prefix: '/v2.0' },
    );
  };
}

function registerNetworkRoutes(v2: FastifyInstance, pod: PodState): void {
  const store = () => pod.network;
  const caller = (request: FastifyRequest) => callerOf(request);
  const networks = (request: FastifyRequest) =>
    store()
      .visibleNetworks(caller(request).projectId, caller(request).isAdmin)
      .map((n) => renderNetwork(n, pod.config.az));
  const groups = (request: FastifyRequest) => store().securityGroupsOf(caller(request).projectId, pod.now());
  const ports = (request: FastifyRequest) =>
    store()
      .ports.filter((p) => caller(request).isAdmin || p.projectId === caller(request).projectId)
      .map((p) =>
        renderPort(
          p,
          groups(request)
            .filter((g) => pod.nova.servers.get(p.deviceId)?.securityGroups.includes(g.name))
            .map((g) => g.id),
        ),
      );
  const listOf = (key: string, all: (r: FastifyRequest) => Record<string, unknown>[]) => async (request: FastifyRequest) => ({
    [key]: filtered(all(request), asQuery(request.query)),
  });
  const showOf =
    (key: string, type: string, all: (r: FastifyRequest) => Record<string, unknown>[]) => async (request: FastifyRequest) => {
      const id = (request.params as { id: string }).id;
      const found = all(request).find((item) => item.id === id);
      if (!found) throw notFoundAs(type, `${type.replace('NotFound', '')} ${id} could not be found.`);
      return { [key]: found };
    };

  v2.get('/', async () => ({
    resources: ['network', 'subnet', 'port', 'security-group'].map((name) => ({ name, collection: `${name}s`, links: [] })),
  }));
  v2.get('/networks', listOf('networks', networks));
  v2.get('/networks/:id', showOf('network', 'NetworkNotFound', networks));
  const subnets = (request: FastifyRequest) => {
    const visible = new Set(networks(request).map((n) => n.id));
    return store()
      .subnets.filter((s) => visible.has(s.networkId))
      .map(renderSubnet);
  };
  v2.get('/subnets', listOf('subnets', subnets));
  v2.get('/subnets/:id', showOf('subnet', 'SubnetNotFound', subnets));
  v2.get('/ports', listOf('ports', ports));
  v2.get('/ports/:id', showOf('port', 'PortNotFound', ports));
  v2.get(
    '/security-groups',
    listOf('security_groups', (r) => groups(r).map(renderSecurityGroup)),
  );
  v2.get(
    '/security-groups/:id',
    showOf('security_group', 'SecurityGroupNotFound', (r) => groups(r).map(renderSecurityGroup)),
  );
  v2.get(
    '/security-group-rules',
    listOf('security_group_rules', (r) => groups(r).flatMap(securityGroupRules)),
  );
  v2.post('/security-groups', async (request, reply) => {
    const body = envelope(request.body, 'security_group');
    const name = requiredString(body, 'name');
    const group = {
      id: newUuid(),
      name,
      description: optionalString(body, 'description') ?? '',
      projectId: caller(request).projectId,
      createdAt: pod.now(),
    };
    store().securityGroups.push(group);
    reply.code(201);
    return { security_group: renderSecurityGroup(group) };
  });
  v2.delete('/security-groups/:id', async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const group = groups(request).find((g) => g.id === id);
    if (!group) throw notFoundAs('SecurityGroupNotFound', `Security group ${id} does not exist`);
    if (group.name === 'default') throw conflict('Insufficient rights for removing default security group.');
    store().securityGroups.splice(store().securityGroups.indexOf(group), 1);
    return reply.code(204).send();
  });
  v2.get('/extensions', async () => ({ extensions: EXTENSIONS }));
  v2.get(
    '/extensions/:alias',
    showOf('extension', 'ExtensionNotFound', () => EXTENSIONS.map((e) => ({ ...e, id: e.alias }))),
  );
  v2.get('/availability_zones', async () => ({
    availability_zones: ['network', 'router'].map((resource) => ({ name: pod.config.az, resource, state: 'available' })),
  }));
  v2.get('/floatingips', async () => ({ floatingips: [] }));
  v2.get('/routers', async () => ({ routers: [] }));
}
