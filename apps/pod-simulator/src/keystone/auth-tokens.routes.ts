// /v3/auth/tokens and friends of the simulated Keystone: issue, validate (GET/HEAD), revoke.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OpenStackError } from '../http/openstack-error';
import { renderCatalog, renderToken } from './token-view';
import { KeystoneState } from './keystone-state';
import { Token } from './token-store';
import { resolveTokenRequest } from './token-request';

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const unauthenticated = () => new OpenStackError(401, 'The request you have made requires authentication.');

/** The caller's own token, required by every route except issuing one. */
export function requireCallerToken(state: KeystoneState, request: FastifyRequest): Token {
  const token = state.tokens.validate(header(request, 'x-auth-token'));
  if (!token) throw unauthenticated();
  return token;
}

function subjectToken(state: KeystoneState, request: FastifyRequest): Token {
  const id = header(request, 'x-subject-token');
  const token = state.tokens.validate(id);
  if (!token) throw new OpenStackError(404, `Could not find token: ${id ?? ''}.`);
  return token;
}

const wantsCatalog = (request: FastifyRequest): boolean => !('nocatalog' in ((request.query ?? {}) as object));

export function registerAuthTokenRoutes(app: FastifyInstance, state: KeystoneState): void {
  app.post('/v3/auth/tokens', async (request, reply) => {
    const token = state.tokens.issue(resolveTokenRequest(request.body, state.directory, state.tokens));
    reply.code(201).header('x-subject-token', token.id).header('vary', 'X-Auth-Token');
    return renderToken(token, state.catalog, wantsCatalog(request));
  });

  // HEAD is derived from this route by Fastify, with the same status codes and no body.
  app.get('/v3/auth/tokens', async (request, reply) => {
    requireCallerToken(state, request);
    const token = subjectToken(state, request);
    reply.header('x-subject-token', token.id).header('vary', 'X-Auth-Token');
    return renderToken(token, state.catalog, wantsCatalog(request));
  });

  app.delete('/v3/auth/tokens', async (request, reply) => {
    requireCallerToken(state, request);
    const token = subjectToken(state, request);
    state.tokens.revoke(token.id);
    return reply.code(204).send();
  });

  app.get('/v3/auth/catalog', async (request) => {
    const token = requireCallerToken(state, request);
    if (!token.project) throw new OpenStackError(403, 'The service catalog is empty.');
    return {
      catalog: renderCatalog(state.catalog, token.project.id),
      links: { self: `${state.url}/v3/auth/catalog`, previous: null, next: null },
    };
  });

  app.get('/v3/auth/projects', async (request) => {
    const token = requireCallerToken(state, request);
    const projects = state.directory.projectsOf(token.user.id).map((p) => ({
      id: p.id,
      name: p.name,
      domain_id: p.domain.id,
      description: p.description,
      enabled: true,
      parent_id: p.domain.id,
      is_domain: false,
      links: { self: `${state.url}/v3/projects/${p.id}` },
    }));
    return { projects, links: { self: `${state.url}/v3/auth/projects`, previous: null, next: null } };
  });
}
