import { DomainError } from '@podgate/kernel';

export class PodAlreadyRegisteredError extends DomainError {
  readonly code = 'PODS.ALREADY_REGISTERED';
  readonly kind = 'conflict';
  constructor(name: string) {
    super(`a pod named ${name} is already registered`);
  }
}

export class PodNotFoundError extends DomainError {
  readonly code = 'PODS.NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(podId: string) {
    super(`pod ${podId} could not be found`);
  }
}

export class PodStillInUseError extends DomainError {
  readonly code = 'PODS.STILL_IN_USE';
  readonly kind = 'conflict';
  constructor(podId: string, activeBindings: number, routedResources: number) {
    super(
      `pod ${podId} still has ${activeBindings} active binding(s) and ${routedResources} routed resource(s); end them first or force`,
    );
  }
}

export class InvalidPodProfileError extends DomainError {
  readonly code = 'PODS.INVALID_PROFILE';
  readonly kind = 'badRequest';
}

/** A pod's name is its Keystone region id: 1 to 255 characters, and no slash (it appears in URLs). */
export class InvalidPodNameError extends DomainError {
  readonly code = 'PODS.INVALID_NAME';
  readonly kind = 'badRequest';
  constructor(name: string, why: string) {
    super(`invalid pod name ${JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}…` : name)}: ${why}`);
  }
}

export class InvalidPodUsageError extends DomainError {
  readonly code = 'PODS.INVALID_USAGE';
  readonly kind = 'badRequest';
}
