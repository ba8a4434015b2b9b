import { DomainError } from '@podgate/kernel';
import { apiVersionOf, atLeast } from '../../api/microversion';

/**
 * Cinder's answer to a method the request's microversion does not have (wsgi.py: a
 * VersionNotFoundForAPIMethod becomes a bare HTTPNotFound, "as if the method is simply not implemented").
 */
export class VolumeMethodNotInVersionError extends DomainError {
  readonly code = 'VOLUME.METHOD_NOT_IN_VERSION';
  readonly kind = 'itemNotFound';
  constructor() {
    super('The resource could not be found.');
  }
}

/** Throws Cinder's 404 unless the request is served at `minimum` or above (`@wsgi.Controller.api_version`). */
export function requireVolumeVersion(request: object, minimum: string): void {
  if (!atLeast(apiVersionOf(request), minimum)) throw new VolumeMethodNotInVersionError();
}
