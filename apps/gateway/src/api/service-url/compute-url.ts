import type { IncomingMessage } from 'node:http';
import { type UrlProjectClaim, claimUrlProject, urlProjectClaimOf } from '../../http/auth';
import { UrlProjectMismatchError } from './compute-url.errors';

/**
 * Nova serves every API both as `/v2.1/<path>` and `/v2.1/<project_id>/<path>`, where a project id
 * is lower-case hex and dashes (nova/api/openstack/__init__.py ProjectMapper); no Nova resource
 * name is hex only, so the two forms never collide. podgate routes only the plain form: the
 * project form is rewritten before routing and its project id claimed beside the raw request, for
 * AccessGuard to compare with the caller's once authentication has run (http/auth/url-project.ts).
 */
const PROJECT_FORM = /^\/compute\/v2\.1\/([0-9a-f-]+)(?=[/?]|$)/;

/** `/compute/` and `/compute/v2.1/` are the same documents as without the slash (Nova's urlmap). */
const TRAILING_SLASH = /^\/compute(?:\/v2\.1)?\/(?=\?|$)/;

/** Nova routes the project form's root (`/v2.1/<project_id>/`) to the authenticated version document. */
const PROJECT_ROOT = /^\/?(?=\?|$)/;
const VERSION_SHOW = '/compute/v2.1/versions/v2.1';

const mismatch: UrlProjectClaim['mismatch'] = (url, caller) => new UrlProjectMismatchError(url, caller);

/**
 * Fastify's `rewriteUrl`: runs once per request before routing, so it must stay a couple of string
 * tests. The tests see the path as the router will: find-my-way decodes percent-encoded characters
 * before matching, so `/compute/v2%2E1/flavors` reaches the `/compute/v2.1/flavors` route and must
 * be taken for a compute URL here too (the microversion hook and the project check key on it).
 */
export function rewriteComputeUrl(request: IncomingMessage): string {
  const sent = request.url ?? '/';
  const url = sent.includes('%') ? withUnreservedDecoded(sent) : sent;
  if (!url.startsWith('/compute/')) return sent;
  const project = PROJECT_FORM.exec(url);
  if (project) {
    claimUrlProject(request, { projectId: project[1], mismatch });
    const rest = url.slice(project[0].length);
    const root = PROJECT_ROOT.exec(rest);
    return root ? `${VERSION_SHOW}${rest.slice(root[0].length)}` : normalised(`/compute/v2.1${rest}`);
  }
  return normalised(url);
}

/**
 * The path with percent-encoded unreserved characters (letters, digits, `-._~`) decoded: the same
 * URL by RFC 3986 section 6.2.2.2, and every character `/compute/v2.1/<project id>` is made of.
 * Reserved ones (`%2F`, `%3F`...) stay encoded, as the router keeps them; the query is left alone.
 */
function withUnreservedDecoded(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const decoded = path.replace(ENCODED_UNRESERVED, (escape) => String.fromCharCode(parseInt(escape.slice(1), 16)));
  return queryAt < 0 ? decoded : decoded + url.slice(queryAt);
}

const ENCODED_UNRESERVED = /%(?:3[0-9]|[46][1-9a-f]|[57][0-9a]|2[de]|5f|7e)/gi;

function normalised(url: string): string {
  const slash = TRAILING_SLASH.exec(url);
  return slash ? `${slash[0].slice(0, -1)}${url.slice(slash[0].length)}` : url;
}

/** The project id the client put in the URL (the project form), or undefined for the plain form. */
export function urlProjectIdOf(request: { readonly raw: IncomingMessage }): string | undefined {
  return urlProjectClaimOf(request.raw)?.projectId;
}
