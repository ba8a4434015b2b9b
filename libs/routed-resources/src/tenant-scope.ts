import type { RequestContext } from '@podgate/kernel';

/**
 * Whose servers, volumes, snapshots and backups a caller may reach by id: an admin any tenant's
 * (null), as Nova's and Cinder's legacy admin-or-owner rules allow; everyone else only their project's. The pod still enforces the API's
 * own policy with the caller's token; this scope only decides what podgate itself reveals.
 */
export const tenantScopeOf = (context: RequestContext): string | null =>
  context.caller.roles.includes('admin') ? null : context.caller.projectId;
