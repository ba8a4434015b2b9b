// Read-only listings of the simulated Keystone: regions, services, endpoints, projects, users,
// roles. Services, endpoints, users and roles need the admin role, as in Keystone's default policy.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OpenStackError } from '../http/openstack-error';
import { asQuery, queryOne } from '../http/query';
import { CatalogService } from './catalog';
import { requireCallerToken } from './auth-tokens.routes';
import { KeystoneState } from './keystone-state';

const collectionLinks = (state: KeystoneState, path: string) => ({ self: `${state.url}/v3/${path}`, previous: null, next: null });

function requireAdmin(state: KeystoneState, request: FastifyRequest, rule: string): void {
  const token = requireCallerToken(state, request);
  if (!token.roles.some((r) => r.name === 'admin')) {
    throw new OpenStackError(403, `You are not authorized to perform the requested action: identity:${rule}.`);
  }
}

export function registerDirectoryRoutes(app: FastifyInstance, state: KeystoneState): void {
  registerRegionRoutes(app, state);
  registerServiceCatalogRoutes(app, state);
  registerIdentityListRoutes(app, state);
}

function registerRegionRoutes(app: FastifyInstance, state: KeystoneState): void {
  const region = (r: { id: string; description: string }) => ({
    id: r.id,
    description: r.description,
    parent_region_id: null,
    links: { self: `${state.url}/v3/regions/${r.id}` },
  });

  app.get('/v3/regions', async (request) => {
    requireCallerToken(state, request);
    return { regions: state.regions.map(region), links: collectionLinks(state, 'regions') };
  });

  app.get('/v3/regions/:id', async (request) => {
    requireCallerToken(state, request);
    const { id } = request.params as { id: string };
    const found = state.regions.find((r) => r.id === id);
    if (!found) throw new OpenStackError(404, `Could not find region: ${id}.`);
    return { region: region(found) };
  });
}

function registerServiceCatalogRoutes(app: FastifyInstance, state: KeystoneState): void {
  app.get('/v3/services', async (request) => {
    requireAdmin(state, request, 'list_services');
    const query = asQuery(request.query);
    const matches = (s: CatalogService) =>
      ['type', 'name'].every((k) => query[k] === undefined || queryOne(query, k) === s[k as 'type' | 'name']);
    const services = state.catalog.filter(matches).map((s) => ({
      id: s.id,
      type: s.type,
      name: s.name,
      description: s.description,
      enabled: true,
      links: { self: `${state.url}/v3/services/${s.id}` },
    }));
    return { services, links: collectionLinks(state, 'services') };
  });

  app.get('/v3/endpoints', async (request) => {
    requireAdmin(state, request, 'list_endpoints');
    const query = asQuery(request.query);
    const wanted = (key: string, value: string) => query[key] === undefined || queryOne(query, key) === value;
    const endpoints = state.catalog.flatMap((s) =>
      s.endpoints
        .filter((e) => wanted('service_id', s.id) && wanted('interface', e.interface) && wanted('region_id', e.region))
        .map((e) => ({
          id: e.id,
          interface: e.interface,
          region_id: e.region,
          region: e.region,
          service_id: s.id,
          url: e.url,
          enabled: true,
          links: { self: `${state.url}/v3/endpoints/${e.id}` },
        })),
    );
    return { endpoints, links: collectionLinks(state, 'endpoints') };
  });
}

function registerIdentityListRoutes(app: FastifyInstance, state: KeystoneState): void {
  app.get('/v3/projects', async (request) => {
    requireAdmin(state, request, 'list_projects');
    const projects = state.directory.listProjects().map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      domain_id: p.domain.id,
      enabled: true,
      parent_id: p.domain.id,
      is_domain: false,
      tags: [],
      options: {},
      links: { self: `${state.url}/v3/projects/${p.id}` },
    }));
    return { projects, links: collectionLinks(state, 'projects') };
  });

  app.get('/v3/users', async (request) => {
    requireAdmin(state, request, 'list_users');
    const users = state.directory.listUsers().map((u) => ({
      id: u.id,
      name: u.name,
      domain_id: u.domain.id,
      default_project_id: u.defaultProjectId,
      enabled: true,
      password_expires_at: null,
      options: {},
      links: { self: `${state.url}/v3/users/${u.id}` },
    }));
    return { users, links: collectionLinks(state, 'users') };
  });

  app.get('/v3/roles', async (request) => {
    requireAdmin(state, request, 'list_roles');
    const roles = state.directory.listRoles().map((r) => ({
      id: r.id,
      name: r.name,
      domain_id: null,
      description: null,
      options: {},
      links: { self: `${state.url}/v3/roles/${r.id}` },
    }));
    return { roles, links: collectionLinks(state, 'roles') };
  });
}
