const SERVERS_PREFIX = '/compute/v2.1/servers/';

/**
 * What follows `/servers/{id}/` in the request URL, still percent-encoded as the client sent it
 * (the pod decodes it as Nova would), without the query: `metadata/role`, `os-instance-actions`.
 */
export function subresourcePathOf(url: string): string {
  const path = url.split('?')[0];
  const afterServers = path.startsWith(SERVERS_PREFIX) ? path.slice(SERVERS_PREFIX.length) : '';
  const slash = afterServers.indexOf('/');
  return slash < 0 ? '' : afterServers.slice(slash + 1);
}
