// Per-request facts (the authenticated caller, the negotiated microversion) kept beside the
// request instead of augmenting Fastify's global types, which other apps in the repo share.
import type { FastifyRequest } from 'fastify';
import { ApiVersion } from './microversion';

export interface Caller {
  tokenId: string;
  userId: string;
  userName: string;
  projectId: string;
  projectName: string;
  roles: string[];
  /** Legacy OpenStack policy (enforce_scope = false): the admin role anywhere makes you admin. */
  isAdmin: boolean;
}

const callers = new WeakMap<FastifyRequest, Caller>();
const versions = new WeakMap<FastifyRequest, ApiVersion>();

export const setCaller = (request: FastifyRequest, caller: Caller): void => {
  callers.set(request, caller);
};

export function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw new Error('pod simulator bug: route reached without authentication hook');
  return caller;
}

export const setMicroversion = (request: FastifyRequest, version: ApiVersion): void => {
  versions.set(request, version);
};

export function microversionOf(request: FastifyRequest): ApiVersion {
  const version = versions.get(request);
  if (!version) throw new Error('pod simulator bug: route reached without microversion hook');
  return version;
}
