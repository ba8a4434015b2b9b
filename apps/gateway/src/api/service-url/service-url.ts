import type { IncomingMessage } from 'node:http';
import { type UrlProjectClaim, claimUrlProject, urlProjectClaimOf } from '../../http/auth';
import { COMPUTE_API, SERVICE_APIS, type ServiceApi, VOLUME_API } from '../service-api';
import { UrlProjectMismatchError } from './service-url.errors';

/**
 * Nova and Cinder serve every API both as `/<version>/<path>` and `/<version>/<project_id>/<path>`,
 * where a project id is lower-case hex and dashes (their ProjectMapper's `[0-9a-f-]+`); no resource
 * name is hex only, so the two forms never collide. Cinder routes the plain form at every
 * microversion: 3.67 (PROJECT_ID_OPTIONAL_IN_URL) only documents it, no code checks it. podgate
 * routes only the plain form: the project form is rewritten before routing and its project id
 * claimed beside the raw request, for AccessGuard to compare with the caller's once authentication
 * has run (http/auth/url-project.ts).
 */
interface UrlForms {
  readonly api: ServiceApi;
  /** `/compute/v2.1/<project>`, `/volume/v3/<project>`. */
  readonly projectForm: RegExp;
  /** `/compute/` and `/compute/v2.1/` are the documents without the slash (Nova's urlmap; Cinder's too). */
  readonly trailingSlash: RegExp;
  /**
   * Where the project form's root (`/v2.1/<project_id>[/]`) goes: Nova routes it to the
   * authenticated version document; Cinder routes nothing there (404), so it is left unrewritten.
   */
  readonly projectRoot?: string;
  readonly mismatch: UrlProjectClaim['mismatch'];
}

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function formsOf(api: ServiceApi, projectRoot?: string): UrlForms {
  const root = escaped(api.root);
  const version = escaped(api.versionSegment);
  return {
    api,
    projectForm: new RegExp(`^${root}/${version}/([0-9a-f-]+)(?=[/?]|$)`),
    trailingSlash: new RegExp(`^${root}(?:/${version})?/(?=\\?|$)`),
    ...(projectRoot === undefined ? {} : { projectRoot }),
    mismatch: (url, caller) => new UrlProjectMismatchError(api, url, caller),
  };
}

const FORMS: readonly UrlForms[] = [formsOf(COMPUTE_API, '/compute/v2.1/versions/v2.1'), formsOf(VOLUME_API)];
if (FORMS.length !== SERVICE_APIS.length) throw new Error('service-url: an API without URL forms');

/** The project form's root: nothing, or a lone slash, before the query. */
const PROJECT_ROOT = /^\/?(?=\?|$)/;

/**
 * Fastify's `rewriteUrl` for every API (createGateway passes it): runs once per request before
 * routing, so it must stay a couple of string tests. The tests see the path as the router will:
 * find-my-way decodes percent-encoded characters before matching, so `/compute/v2%2E1/flavors`
 * reaches the `/compute/v2.1/flavors` route and must be taken for a compute URL here too (the
 * microversion hooks and the project check key on it). Other URLs are returned exactly as sent.
 */
export function rewriteServiceUrl(request: IncomingMessage): string {
  const sent = request.url ?? '/';
  const url = sent.includes('%') ? withUnreservedDecoded(sent) : sent;
  const forms = FORMS.find(({ api }) => url.startsWith(`${api.root}/`));
  if (!forms) return sent;
  const project = forms.projectForm.exec(url);
  if (project) {
    const rest = url.slice(project[0].length);
    const root = PROJECT_ROOT.exec(rest);
    if (root && forms.projectRoot === undefined) return url;
    claimUrlProject(request, { projectId: project[1], mismatch: forms.mismatch });
    if (root) return `${forms.projectRoot}${rest.slice(root[0].length)}`;
    return normalised(forms, `${forms.api.root}/${forms.api.versionSegment}${rest}`);
  }
  return normalised(forms, url);
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

function normalised(forms: UrlForms, url: string): string {
  const slash = forms.trailingSlash.exec(url);
  return slash ? `${slash[0].slice(0, -1)}${url.slice(slash[0].length)}` : url;
}

/** The project id the client put in the URL (the project form), or undefined for the plain form. */
export function urlProjectIdOf(request: { readonly raw: IncomingMessage }): string | undefined {
  return urlProjectClaimOf(request.raw)?.projectId;
}
