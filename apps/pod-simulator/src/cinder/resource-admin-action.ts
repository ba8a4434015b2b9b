// os-force_delete and os-reset_status on a snapshot or a backup: the same admin-only rules in Cinder.
import type { FastifyRequest } from 'fastify';
import { actionName, isObject } from '../http/body';
import { badRequest, forbidden } from '../http/openstack-error';
import { callerOf } from '../http/request-context';

export interface AdminActionTarget<Status extends string> {
  /** Policy group named in the 403, e.g. `backup_admin_actions`. */
  readonly policy: string;
  readonly resetStatuses: readonly Status[];
  forceDelete(): void;
  resetStatus(status: Status): void;
}

export function runResourceAdminAction<Status extends string>(request: FastifyRequest, target: AdminActionTarget<Status>): void {
  const name = actionName(request.body);
  if (!callerOf(request).isAdmin) {
    throw forbidden(`Policy doesn't allow volume_extension:${target.policy}:${name.replace('os-', '')} to be performed.`);
  }
  if (name === 'os-force_delete') return target.forceDelete();
  if (name !== 'os-reset_status') throw badRequest(`There is no such action: ${name}`);
  const args = (request.body as Record<string, unknown>)[name];
  const status = isObject(args) ? args.status : undefined;
  if (!target.resetStatuses.includes(status as Status)) throw badRequest('Invalid input received: Must specify a valid status');
  target.resetStatus(status as Status);
}
