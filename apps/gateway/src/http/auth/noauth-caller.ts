import type { Caller } from '@podgate/kernel';
import { AuthenticationRequiredError } from './auth.errors';

/**
 * Development only, as Nova's noauth2: the token is `<user_id>:<project_id>` and is trusted as is.
 * Roles come from the X-Roles header (comma-separated); user `admin` is always an admin.
 */
export function noauthCaller(token: string, rolesHeader: string | undefined): Caller {
  const colon = token.indexOf(':');
  const userId = colon < 0 ? '' : token.slice(0, colon).trim();
  const projectId = colon < 0 ? '' : token.slice(colon + 1).trim();
  if (!userId || !projectId) throw new AuthenticationRequiredError();
  const roles = (rolesHeader ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role.length > 0);
  if (userId === 'admin') roles.push('admin');
  return { userId, projectId, roles: [...new Set(roles)], userName: userId, projectName: projectId, domainId: 'default' };
}
