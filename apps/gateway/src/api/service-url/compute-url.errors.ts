import { DomainError } from '@podgate/kernel';

/** Nova's 400 when the URL names another project than the token's (nova/api/openstack/wsgi.py Resource._process_stack). */
export class UrlProjectMismatchError extends DomainError {
  readonly code = 'COMPUTE.URL_PROJECT_MISMATCH';
  readonly kind = 'badRequest';
  constructor(urlProjectId: string, contextProjectId: string) {
    super(`Malformed request URL: URL's project_id '${urlProjectId}' doesn't match Context's project_id '${contextProjectId}'`);
  }
}
