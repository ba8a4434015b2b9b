import { DomainError } from '@podgate/kernel';
import type { ServiceApi } from '../service-api';

/**
 * The 400 when a project-form URL names another project than the token's, in each service's words:
 * Nova's wsgi.py Resource._process_stack names both projects; Cinder's (same method) only says
 * "Malformed request url".
 */
export class UrlProjectMismatchError extends DomainError {
  readonly code: string;
  readonly kind = 'badRequest';
  constructor(api: ServiceApi, urlProjectId: string, contextProjectId: string) {
    super(
      api.serviceType === 'volume'
        ? 'Malformed request url'
        : `Malformed request URL: URL's project_id '${urlProjectId}' doesn't match Context's project_id '${contextProjectId}'`,
    );
    this.code = `${api.serviceType.toUpperCase()}.URL_PROJECT_MISMATCH`;
  }
}
