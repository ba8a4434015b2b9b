import { DomainError } from '@podgate/kernel';

// Messages are Nova's own (nova/exception.py and the flavor controllers), since the compute API
// must not be told apart from a single Nova.

export class FlavorNotFoundError extends DomainError {
  readonly code = 'FLAVORS.NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(flavorId: string) {
    super(`Flavor ${flavorId} could not be found.`);
  }
}

/** In-stream: the id is live already. */
export class FlavorIdExistsError extends DomainError {
  readonly code = 'FLAVORS.ID_EXISTS';
  readonly kind = 'conflict';
  constructor(flavorId: string) {
    super(`Flavor with ID ${flavorId} already exists.`);
  }
}

/** Raised by the define handler from the read model: names are unique across flavors, not within a stream. */
export class FlavorNameExistsError extends DomainError {
  readonly code = 'FLAVORS.NAME_EXISTS';
  readonly kind = 'conflict';
  constructor(name: string) {
    super(`Flavor with name ${name} already exists.`);
  }
}

export class FlavorExtraSpecNotFoundError extends DomainError {
  readonly code = 'FLAVORS.EXTRA_SPEC_NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(flavorId: string, key: string) {
    super(`Flavor ${flavorId} has no extra specs with key ${key}.`);
  }
}

/** Nova refuses this from microversion 2.7 on; podgate always does. */
export class FlavorAccessOnPublicFlavorError extends DomainError {
  readonly code = 'FLAVORS.ACCESS_ON_PUBLIC_FLAVOR';
  readonly kind = 'conflict';
  constructor() {
    super('Can not add access to a public flavor.');
  }
}

export class FlavorAccessExistsError extends DomainError {
  readonly code = 'FLAVORS.ACCESS_EXISTS';
  readonly kind = 'conflict';
  constructor(flavorId: string, projectId: string) {
    super(`Flavor access already exists for flavor ${flavorId} and project ${projectId} combination.`);
  }
}

export class FlavorAccessNotFoundError extends DomainError {
  readonly code = 'FLAVORS.ACCESS_NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(flavorId: string, projectId: string) {
    super(`Flavor access not found for ${flavorId} / ${projectId} combination.`);
  }
}

/** Bad input the controller should already have refused in Nova's wording; the decider's guard is the last line. */
export class InvalidFlavorError extends DomainError {
  readonly code = 'FLAVORS.INVALID';
  readonly kind = 'badRequest';
}

/** The reconciler claimed a generation the stream has not reached: a bug, never a client's doing. */
export class FlavorSyncGenerationError extends DomainError {
  readonly code = 'FLAVORS.SYNC_GENERATION';
  readonly kind = 'conflict';
  constructor(flavorId: string, claimed: number, latest: number) {
    super(`flavor ${flavorId} has no generation ${claimed}; the latest is ${latest}`);
  }
}
