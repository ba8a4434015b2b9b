import { DomainError } from '@podgate/kernel';

/** Cinder's VolumeTypeNotFound (404). */
export class VolumeTypeNotFoundError extends DomainError {
  readonly code = 'VOLUME_TYPES.NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(typeId: string) {
    super(`Volume type ${typeId} could not be found.`);
  }
}

/** Cinder's VolumeTypeNotFoundByName (404), as a volume create names an unknown type. */
export class VolumeTypeNameNotFoundError extends DomainError {
  readonly code = 'VOLUME_TYPES.NAME_NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(name: string) {
    super(`Volume type with name ${name} could not be found.`);
  }
}

/** Cinder's VolumeTypeExists (409) on create and on a rename to a live name: Cinder names the name, not an id. */
export class VolumeTypeExistsError extends DomainError {
  readonly code = 'VOLUME_TYPES.EXISTS';
  readonly kind = 'conflict';
  constructor(name: string) {
    super(`Volume Type ${name} already exists.`);
  }
}

/** Cinder's VolumeTypeExtraSpecsNotFound (404). */
export class VolumeTypeExtraSpecNotFoundError extends DomainError {
  readonly code = 'VOLUME_TYPES.EXTRA_SPEC_NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(typeId: string, key: string) {
    super(`Volume Type ${typeId} has no extra specs with key ${key}.`);
  }
}

/** Cinder's VolumeTypeAccessExists (409). */
export class VolumeTypeAccessExistsError extends DomainError {
  readonly code = 'VOLUME_TYPES.ACCESS_EXISTS';
  readonly kind = 'conflict';
  constructor(typeId: string, projectId: string) {
    super(`Volume type access for ${typeId} / ${projectId} combination already exists.`);
  }
}

/** Cinder's VolumeTypeAccessNotFound (404); also its answer to the access list of a public type. */
export class VolumeTypeAccessNotFoundError extends DomainError {
  readonly code = 'VOLUME_TYPES.ACCESS_NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(message: string) {
    super(message);
  }

  static of(typeId: string, projectId: string): VolumeTypeAccessNotFoundError {
    return new VolumeTypeAccessNotFoundError(`Volume type access not found for ${typeId} / ${projectId} combination.`);
  }
}

/** A request Cinder refuses with 400 (InvalidVolumeType and its schema checks), in Cinder's words. */
export class InvalidVolumeTypeError extends DomainError {
  readonly code = 'VOLUME_TYPES.INVALID';
  readonly kind = 'badRequest';
}

/** Cinder's VolumeTypeDefaultDeletionError (400): the default type stays. */
export class DefaultVolumeTypeDeletionError extends DomainError {
  readonly code = 'VOLUME_TYPES.DEFAULT_DELETION';
  readonly kind = 'badRequest';
  constructor(typeId: string) {
    super(`The volume type ${typeId} is a default volume type and cannot be deleted.`);
  }
}

/** The reconciler claimed a generation the stream has not reached: a bug, never a client's doing. */
export class VolumeTypeSyncGenerationError extends DomainError {
  readonly code = 'VOLUME_TYPES.SYNC_GENERATION';
  readonly kind = 'conflict';
  constructor(typeId: string, claimed: number, latest: number) {
    super(`volume type ${typeId} has no generation ${claimed}; the latest is ${latest}`);
  }
}
