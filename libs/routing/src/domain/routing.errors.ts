import { DomainError } from '@podgate/kernel';

export class RoutingNotFoundError extends DomainError {
  readonly code = 'ROUTING.NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(id: string) {
    super(`routing ${id} could not be found`);
  }
}

/** As Nova answers an unknown `marker`: the client's page cursor names no routing. */
export class RoutingMarkerNotFoundError extends DomainError {
  readonly code = 'ROUTING.MARKER_NOT_FOUND';
  readonly kind = 'badRequest';
  constructor(marker: string) {
    super(`marker ${marker} not found`);
  }
}
