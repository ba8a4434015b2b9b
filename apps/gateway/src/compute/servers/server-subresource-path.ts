import { PROVISIONING_METADATA_KEY } from '@podgate/servers';
import { withoutProvisioningTag } from './server-body-view';

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

/** Which metadata a path names: the collection, the provisioning tag's own item, or neither. */
export function metadataTargetOf(rest: string): 'collection' | 'tag' | null {
  if (rest === 'metadata') return 'collection';
  if (!rest.startsWith('metadata/')) return null;
  let key: string;
  try {
    key = decodeURIComponent(rest.slice('metadata/'.length));
  } catch {
    return null;
  }
  return key === PROVISIONING_METADATA_KEY ? 'tag' : null;
}

/** `{"metadata": {...}}` answers without the provisioning tag. */
export function viewMetadataBody(body: unknown): unknown {
  const metadata = (body as { metadata?: unknown } | undefined)?.metadata;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return body;
  return { ...(body as object), metadata: withoutProvisioningTag(metadata as Record<string, unknown>) };
}
