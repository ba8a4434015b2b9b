import { PodUnreachableError } from '@podgate/openstack';

/**
 * A pod refused one step of a push (its status and OpenStack message), or answered something
 * podgate cannot read. Recorded as the resource's sync failure; never shown to a client.
 */
export class PodPushRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly step: string,
    readonly podMessage: string | undefined,
  ) {
    super(`${step} answered HTTP ${status}${podMessage ? `: ${podMessage}` : ''}`);
    this.name = 'PodPushRefusedError';
  }
}

/** A failed push as the audit records it. */
export interface SyncFailureDescription {
  readonly status?: number;
  readonly message: string;
}

/**
 * What a failed push records: the pod's status when it answered, and a message for admins. The
 * pusher's transport keeps tokens out of its errors; nothing else here could carry one.
 */
export function describeSyncFailure(error: unknown): SyncFailureDescription {
  if (error instanceof PodPushRefusedError) return { status: error.status, message: error.message };
  if (error instanceof PodUnreachableError) return { message: error.message };
  return { message: error instanceof Error ? error.message : String(error) };
}
