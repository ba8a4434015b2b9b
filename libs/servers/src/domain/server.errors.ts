import { DomainError } from '@podgate/kernel';

/** Nova's own 404 for an unknown, not yet created or deleted server, in Nova's words. */
export class ServerNotFoundError extends DomainError {
  readonly code = 'SERVERS.NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(readonly serverId: string) {
    super(`Instance ${serverId} could not be found.`);
  }
}

/**
 * An outcome for a provisioning that was never requested: a handler or confirmer folded the wrong
 * stream. A bug, never a client's doing, so the filter's 409 is only a safety net; log it.
 */
export class ServerProvisioningNotRequestedError extends DomainError {
  readonly code = 'SERVERS.PROVISIONING_NOT_REQUESTED';
  readonly kind = 'conflict';
  constructor(readonly provisioningId: string) {
    super(`server provisioning ${provisioningId} was never requested`);
  }
}

/** An outcome for an action id the server's stream never recorded: a bug in the caller (see the decider). */
export class ServerActionNotRequestedError extends DomainError {
  readonly code = 'SERVERS.ACTION_NOT_REQUESTED';
  readonly kind = 'conflict';
  constructor(
    readonly serverId: string,
    readonly actionId: string,
  ) {
    super(`action ${actionId} was never requested on server ${serverId}`);
  }
}

/** A record that contradicts one already made (another outcome, another server id): the first one stands. */
export class ServerRecordConflictError extends DomainError {
  readonly code = 'SERVERS.RECORD_CONFLICT';
  readonly kind = 'conflict';
}

/**
 * A create re-run with the request id of one whose intent is recorded but whose outcome is not, and
 * the pod shows no server tagged with it: the first forward may still be in flight (or timed out
 * after the pod made the server). Forwarding again could make a second server, so podgate does
 * not; the provisioning confirmer, watching since the first run lost its answer, adopts a tagged
 * server if one appears within its bound, as does any later re-run of the request. 409, as Nova
 * answers a request that conflicts with one under way.
 */
export class ServerProvisioningInDoubtError extends DomainError {
  readonly code = 'SERVERS.PROVISIONING_IN_DOUBT';
  readonly kind = 'conflict';
  constructor(
    readonly provisioningId: string,
    readonly podName: string,
  ) {
    super(
      `The create request was already forwarded to pod ${podName} and its outcome is not known yet (provisioning ${provisioningId}); list your servers before creating again.`,
    );
  }
}
