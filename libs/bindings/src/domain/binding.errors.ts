import { DomainError } from '@podgate/kernel';

export class NoActiveBindingError extends DomainError {
  readonly code = 'BINDINGS.NO_ACTIVE_BINDING';
  readonly kind = 'itemNotFound';
  constructor(projectId: string, azName: string) {
    super(`project ${projectId} has no active binding in ${azName}`);
  }
}

export class BindingNotFoundError extends DomainError {
  readonly code = 'BINDINGS.NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(bindingId: string) {
    super(`binding ${bindingId} could not be found`);
  }
}
