/**
 * Statuses that say "not with this token" rather than anything about the resource: 401 (expired or
 * unknown), 403 (policy, e.g. all_tenants without the admin role) and 400 (Nova's and Cinder's "URL's
 * project_id does not match" when the endpoint names the user's project). The background confirmers
 * then ask with the caller's token instead of the service token.
 */
export const TOKEN_REFUSED: ReadonlySet<number> = new Set([400, 401, 403]);
