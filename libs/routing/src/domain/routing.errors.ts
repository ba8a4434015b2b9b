import { DomainError } from '@podgate/kernel';

export class RoutingNotFoundError extends DomainError {
  readonly code = 'ROUTING.NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(id: string) {
    super(`routing ${id} could not be found`);
  }
}
