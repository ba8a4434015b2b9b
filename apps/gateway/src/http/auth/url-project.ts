import type { IncomingMessage } from 'node:http';

/**
 * What a project-form URL (Nova's `/v2.1/<project_id>/...`, Cinder's `/v3/<project_id>/...`)
 * claims: its project, and the API's own refusal when the caller's project is another (Nova and
 * Cinder word it differently).
 */
export interface UrlProjectClaim {
  readonly projectId: string;
  readonly mismatch: (urlProjectId: string, callerProjectId: string) => Error;
}

/** Kept beside the raw request, which the URL rewrite sees before Fastify builds its request object. */
const claims = new WeakMap<IncomingMessage, UrlProjectClaim>();

/** Records the claim before routing (in a URL rewrite); AccessGuard checks it once the caller is known. */
export function claimUrlProject(raw: IncomingMessage, claim: UrlProjectClaim): void {
  claims.set(raw, claim);
}

export function urlProjectClaimOf(raw: IncomingMessage | undefined): UrlProjectClaim | undefined {
  return raw === undefined ? undefined : claims.get(raw);
}

/**
 * SECURITY: the URL must name the caller's own project, admins included, as Nova and Cinder require:
 * a pod would otherwise see one project in the URL and another in the token.
 */
export function checkUrlProject(raw: IncomingMessage | undefined, callerProjectId: string): void {
  const claim = urlProjectClaimOf(raw);
  if (claim && claim.projectId !== callerProjectId) throw claim.mismatch(claim.projectId, callerProjectId);
}
