import type { IncomingMessage } from 'node:http';

/**
 * Nova serves every API both as `/v2.1/<path>` and `/v2.1/<project_id>/<path>`, where a project id
 * is lower-case hex and dashes (nova/api/openstack/__init__.py ProjectMapper); no Nova resource
 * name is hex only, so the two forms never collide. podgate routes only the plain form: the
 * project form is rewritten before routing and its project id kept beside the raw request, for
 * UrlProjectCheck to compare with the caller's once authentication has run.
 */
const PROJECT_FORM = /^\/compute\/v2\.1\/([0-9a-f-]+)(?=[/?]|$)/;

/** `/compute/` and `/compute/v2.1/` are the same documents as without the slash (Nova's urlmap). */
const TRAILING_SLASH = /^\/compute(?:\/v2\.1)?\/(?=\?|$)/;

/** Nova routes the project form's root (`/v2.1/<project_id>/`) to the authenticated version document. */
const PROJECT_ROOT = /^\/?(?=\?|$)/;
const VERSION_SHOW = '/compute/v2.1/versions/v2.1';

const urlProjects = new WeakMap<IncomingMessage, string>();

/** Fastify's `rewriteUrl`: runs once per request before routing, so it must stay a couple of string tests. */
export function rewriteComputeUrl(request: IncomingMessage): string {
  const url = request.url ?? '/';
  if (!url.startsWith('/compute/')) return url;
  const project = PROJECT_FORM.exec(url);
  if (project) {
    urlProjects.set(request, project[1]);
    const rest = url.slice(project[0].length);
    const root = PROJECT_ROOT.exec(rest);
    return root ? `${VERSION_SHOW}${rest.slice(root[0].length)}` : normalised(`/compute/v2.1${rest}`);
  }
  return normalised(url);
}

function normalised(url: string): string {
  const slash = TRAILING_SLASH.exec(url);
  return slash ? `${slash[0].slice(0, -1)}${url.slice(slash[0].length)}` : url;
}

/** The project id the client put in the URL (the project form), or undefined for the plain form. */
export function urlProjectIdOf(request: { readonly raw: IncomingMessage }): string | undefined {
  return urlProjects.get(request.raw);
}
