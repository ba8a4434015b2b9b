import { DomainError } from '@podgate/kernel';

/** Nova's bare HTTPNotFound for an unknown version id (versionsV21.py), with webob's default words. */
export class ComputeVersionNotFoundError extends DomainError {
  readonly code = 'COMPUTE.VERSION_NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor() {
    super('The resource could not be found.');
  }
}
