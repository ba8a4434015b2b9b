import { PodUnreachableError } from '@podgate/openstack';
import { FlavorPushRefusedError } from './flavor-sync.errors';

/**
 * What a failed push records: the pod's status when it answered, and a message for admins. The
 * pusher's transport keeps tokens out of its errors; nothing else here could carry one.
 */
export function describeSyncFailure(error: unknown): { readonly status?: number; readonly message: string } {
  if (error instanceof FlavorPushRefusedError) return { status: error.status, message: error.message };
  if (error instanceof PodUnreachableError) return { message: error.message };
  return { message: error instanceof Error ? error.message : String(error) };
}
