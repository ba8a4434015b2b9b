// Reads Keystone v3 token bodies (POST and GET /v3/auth/tokens). Only what podgate uses is parsed;
// anything else Keystone adds is ignored, as keystoneauth's AccessInfoV3 does.
import { z } from 'zod';
import type { CatalogService } from './catalog';

/** Who a validated, project-scoped token belongs to. */
export interface Identity {
  readonly userId: string;
  readonly userName: string;
  readonly userDomainId: string;
  readonly projectId: string;
  readonly projectName: string;
  readonly projectDomainId: string;
  readonly roles: string[];
  readonly expiresAt: Date;
}

const named = z.object({ id: z.string().min(1), name: z.string() });
const endpoint = z.object({
  interface: z.string(),
  region_id: z.string().nullish(),
  region: z.string().nullish(),
  url: z.string(),
});

const tokenBody = z.object({
  token: z.object({
    expires_at: z.string(),
    issued_at: z.string().optional(),
    audit_ids: z.array(z.string()).optional(),
    user: named.extend({ domain: named.partial({ name: true }) }),
    project: named.extend({ domain: named.partial({ name: true }) }).optional(),
    roles: z.array(z.object({ name: z.string() })).optional(),
    catalog: z.array(z.object({ type: z.string(), endpoints: z.array(endpoint) })).optional(),
  }),
});

type TokenBody = z.infer<typeof tokenBody>['token'];

/** Keystone answered 2xx with something that is not a token: treated as Keystone being broken. */
export class MalformedTokenBodyError extends Error {}

export function parseTokenBody(body: unknown): TokenBody {
  const parsed = tokenBody.safeParse(body);
  // SECURITY: the zod issues name fields only, never values, so nothing of the body is repeated.
  if (!parsed.success) throw new MalformedTokenBodyError(`unexpected token body (${parsed.error.issues[0]?.path.join('.')})`);
  const expires = Date.parse(parsed.data.token.expires_at);
  if (Number.isNaN(expires)) throw new MalformedTokenBodyError('unexpected token body (token.expires_at)');
  return parsed.data.token;
}

/** The caller's identity, or undefined for a token without a project scope (domain, system, unscoped). */
export function identityOf(token: TokenBody): Identity | undefined {
  const { user, project } = token;
  if (!project) return undefined;
  return {
    userId: user.id,
    userName: user.name,
    userDomainId: user.domain.id,
    projectId: project.id,
    projectName: project.name,
    projectDomainId: project.domain.id,
    roles: (token.roles ?? []).map((r) => r.name),
    expiresAt: new Date(token.expires_at),
  };
}

export function catalogOf(token: TokenBody): CatalogService[] {
  return (token.catalog ?? []).map((service) => ({
    type: service.type,
    endpoints: service.endpoints.map((e) => ({ interface: e.interface, region: e.region_id ?? e.region ?? '', url: e.url })),
  }));
}

export const firstAuditId = (token: TokenBody): string | undefined => token.audit_ids?.[0];
