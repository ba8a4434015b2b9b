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
 * An outcome for a provisioning that was never requested: a handler or reconciler folded the wrong
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
