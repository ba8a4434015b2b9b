import { DomainError } from '@podgate/kernel';
import type { VolumeResourceKind } from './volume-resource';
import { VOLUME_RESOURCE_KINDS } from './volume-resource.kinds';

/** Cinder's own 404 for an unknown, not yet created, deleted or another tenant's resource, in Cinder's words. */
export class VolumeResourceNotFoundError extends DomainError {
  readonly code = 'VOLUMES.NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(
    readonly resourceKind: VolumeResourceKind,
    readonly resourceId: string,
  ) {
    super(`${VOLUME_RESOURCE_KINDS[resourceKind].name} ${resourceId} could not be found.`);
  }
}

/** An outcome for a provisioning that was never requested: a bug (a wrong stream folded), never a client's doing. */
export class VolumeResourceProvisioningNotRequestedError extends DomainError {
  readonly code = 'VOLUMES.PROVISIONING_NOT_REQUESTED';
  readonly kind = 'conflict';
  constructor(readonly provisioningId: string) {
    super(`volume resource provisioning ${provisioningId} was never requested`);
  }
}

/** A record that contradicts one already made (another resource id for one provisioning): the first one stands. */
export class VolumeResourceRecordConflictError extends DomainError {
  readonly code = 'VOLUMES.RECORD_CONFLICT';
  readonly kind = 'conflict';
}

/**
 * A create re-run with the request id of one whose intent is recorded and whose failure is not: the
 * first forward reached the pod (its outcome is recorded in the resource's stream) or may still be
 * under way. Forwarding again could make a second resource, so podgate does not. 409, as Cinder
 * answers a request that conflicts with one under way.
 */
export class VolumeResourceProvisioningInDoubtError extends DomainError {
  readonly code = 'VOLUMES.PROVISIONING_IN_DOUBT';
  readonly kind = 'conflict';
  constructor(
    readonly resourceKind: VolumeResourceKind,
    readonly provisioningId: string,
    readonly podName: string,
  ) {
    super(
      `The create request was already forwarded to pod ${podName} (provisioning ${provisioningId}); list your ${VOLUME_RESOURCE_KINDS[resourceKind].collection} before creating again.`,
    );
  }
}
