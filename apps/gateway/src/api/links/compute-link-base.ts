import type { FastifyRequest } from 'fastify';
import { publicBaseUrl, urlProjectIdOf } from '../service-url';

/**
 * Where one request's compute links point. Nova builds every link from the request's own URL
 * (common.ViewBuilder: `_update_compute_link_prefix(request.application_url)` plus `_get_project_id`),
 * so a client that used the project form `/v2.1/<project>/...` gets links in that form too.
 */
export interface ComputeLinkBase {
  /** `<public>/compute`: podgate's compute root, no version, no project. */
  readonly root: string;
  /** `<public>/compute/v2.1[/<project>]`: self links and next pages. */
  readonly self: string;
  /** `<public>/compute[/<project>]`: bookmarks (Nova's remove_trailing_version_from_href). */
  readonly bookmark: string;
  /** The project the client's URL named (the project form), else undefined. */
  readonly urlProjectId?: string;
}

/** `publicUrl` is podgate's base URL (PODGATE_PUBLIC_URL or the request's origin), Nova's compute_link_prefix. */
export function computeLinkBase(publicUrl: string, urlProjectId?: string): ComputeLinkBase {
  const root = `${publicUrl.replace(/\/+$/, '')}/compute`;
  const project = urlProjectId ? `/${urlProjectId}` : '';
  return {
    root,
    self: `${root}/v2.1${project}`,
    bookmark: `${root}${project}`,
    ...(urlProjectId ? { urlProjectId } : {}),
  };
}

/**
 * The request's link base. Nova's `_get_project_id` tests whether the caller's project id occurs
 * anywhere in the URL; what it means is the project form, which is what is checked here (AccessGuard
 * has made sure the URL's project is the caller's).
 */
export function computeLinkBaseOf(request: FastifyRequest, configuredPublicUrl: string | null): ComputeLinkBase {
  return computeLinkBase(publicBaseUrl(request, configuredPublicUrl), urlProjectIdOf(request));
}

/** Nova's `_get_links`: a resource's self and bookmark links (the id as Nova prints it, unquoted). */
export const resourceLinks = (base: ComputeLinkBase, collection: string, id: string) => [
  { rel: 'self', href: `${base.self}/${collection}/${id}` },
  { rel: 'bookmark', href: `${base.bookmark}/${collection}/${id}` },
];
