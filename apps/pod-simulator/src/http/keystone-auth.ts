// What keystonemiddleware does in front of every pod API: validate X-Auth-Token against the
// simulated Keystone (in-process, no HTTP round trip) and expose the caller.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TokenStore } from '../keystone/token-store';
import { unauthorized } from './openstack-error';
import { Caller, setCaller } from './request-context';

export function callerFromToken(tokens: TokenStore, tokenId: string | undefined): Caller {
  const token = tokens.validate(tokenId);
  // Unscoped tokens pass keystonemiddleware but no project-bound API can use them; the
  // simulator answers 401 straight away.
  if (!token || !token.project) throw unauthorized();
  const roles = token.roles.map((r) => r.name);
  return {
    tokenId: token.id,
    userId: token.user.id,
    userName: token.user.name,
    projectId: token.project.id,
    projectName: token.project.name,
    roles,
    isAdmin: roles.includes('admin'),
  };
}

/** A Fastify onRequest hook; on failure adds the WWW-Authenticate header keystonemiddleware sends. */
export function keystoneAuthHook(tokens: TokenStore, keystoneUrl: () => string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = request.headers['x-auth-token'];
    try {
      setCaller(request, callerFromToken(tokens, Array.isArray(header) ? header[0] : header));
    } catch (error) {
      reply.header('www-authenticate', `Keystone uri="${keystoneUrl()}"`);
      throw error;
    }
  };
}
