import type { FastifyRequest } from 'fastify';
import type { ServiceApi } from '../service-api';
import { publicBaseUrl, urlProjectIdOf } from '../service-url';

/**
 * Where one request's links point, for one API. Nova and Cinder build every link from the request's
 * own URL (Nova's common.ViewBuilder `_update_compute_link_prefix` + `_get_project_id`, Cinder's
 * `_update_link_prefix` + `_get_project_id_in_url`), so a client that used the project form
 * `/v2.1/<project>/...` or `/v3/<project>/...` gets links in that form too, and one that did not,
 * links without a project.
 */
export interface ApiLinkBase {
  readonly api: ServiceApi;
  /** `<public>/compute`, `<public>/volume`: podgate's root of the API, no version, no project. */
  readonly root: string;
  /** `<root>/v2.1[/<project>]`, `<root>/v3[/<project>]`: self links and next pages. */
  readonly self: string;
  /** `<root>[/<project>]`: bookmarks (the services' remove_version_from_href). */
  readonly bookmark: string;
  /** The project the client's URL named (the project form), else undefined. */
  readonly urlProjectId?: string;
}

/** `publicUrl` is podgate's base URL (PODGATE_PUBLIC_URL or the request's origin), the services' link prefix. */
export function apiLinkBase(api: ServiceApi, publicUrl: string, urlProjectId?: string): ApiLinkBase {
  const root = `${publicUrl.replace(/\/+$/, '')}${api.root}`;
  const project = urlProjectId ? `/${urlProjectId}` : '';
  return {
    api,
    root,
    self: `${root}/${api.versionSegment}${project}`,
    bookmark: `${root}${project}`,
    ...(urlProjectId ? { urlProjectId } : {}),
  };
}

/**
 * The request's link base for `api`. Nova and Cinder test whether the caller's project id occurs in
 * the URL; what they mean is the project form, which is what is checked here (AccessGuard has made
 * sure the URL's project is the caller's).
 */
export function apiLinkBaseOf(api: ServiceApi, request: FastifyRequest, configuredPublicUrl: string | null): ApiLinkBase {
  return apiLinkBase(api, publicBaseUrl(request, configuredPublicUrl), urlProjectIdOf(request));
}

/** The services' `_get_links`: a resource's self and bookmark links (the id as they print it, unquoted). */
export const resourceLinks = (base: ApiLinkBase, collection: string, id: string) => [
  { rel: 'self', href: `${base.self}/${collection}/${id}` },
  { rel: 'bookmark', href: `${base.bookmark}/${collection}/${id}` },
];
