import { PROVISIONING_METADATA_KEY } from '@podgate/routed-resources';
import { ProvisioningTagReservedError } from './provisioning-tag.errors';

// What servers, volumes and snapshots share about podgate's provisioning tag in their metadata:
// users never see it (bodies, metadata answers) and never name it in a write.

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a metadata map (as a client or a pod sent it) names the tag. */
export const namesProvisioningTag = (metadata: unknown): boolean =>
  isRecord(metadata) && Object.hasOwn(metadata, PROVISIONING_METADATA_KEY);

export function withoutProvisioningTag(metadata: Json): Json {
  const { [PROVISIONING_METADATA_KEY]: _tag, ...rest } = metadata;
  return rest;
}

/** A resource body (a server, a volume, a snapshot) with the tag out of its `metadata`; the same object when it has none. */
export function withHiddenTag(item: Json): Json {
  return namesProvisioningTag(item.metadata) ? { ...item, metadata: withoutProvisioningTag(item.metadata as Json) } : item;
}

/** `{"metadata": {...}}` and `{"meta": {...}}` answers of the metadata endpoints without the tag. */
export function viewMetadataBody(body: unknown): unknown {
  if (!isRecord(body)) return body;
  let view = body;
  for (const field of ['metadata', 'meta'])
    if (namesProvisioningTag(view[field])) view = { ...view, [field]: withoutProvisioningTag(view[field] as Json) };
  return view;
}

/**
 * A sub-resource path as the pod's router sees it: percent-decoded (WSGI's PATH_INFO is, `%2F`
 * included), without the format suffix OpenStack's routers take off (`metadata.json` is Cinder's
 * `metadata`; Nova's mapper allows `.json|.xml`). null when it does not decode. SECURITY: what
 * podgate hides and guards must be judged on what the pod will act on, not on the raw text.
 */
export function podSeenSubresource(rest: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(rest);
  } catch {
    return null;
  }
  return path.replace(/\.(json|xml)$/, '');
}

/** Whether a sub-resource path is metadata at all (the collection or one key), as the pod sees it. */
export function isMetadataPath(rest: string): boolean {
  const path = podSeenSubresource(rest);
  return path === null || path === 'metadata' || path.startsWith('metadata/');
}

/**
 * Which metadata a sub-resource path names (what follows `/<resources>/{id}/`, percent-encoded as
 * the client sent it, read as the pod sees it): the collection, the tag's own item, or neither
 * (another key, another sub-resource).
 */
export function metadataTargetOf(rest: string): 'collection' | 'tag' | null {
  const path = podSeenSubresource(rest);
  if (path === 'metadata') return 'collection';
  if (path === null || !path.startsWith('metadata/')) return null;
  return path.slice('metadata/'.length) === PROVISIONING_METADATA_KEY ? 'tag' : null;
}

/** A metadata write that names the tag: refused whatever it would do. */
export function refuseTagWrites(metadata: unknown): void {
  if (namesProvisioningTag(metadata)) throw new ProvisioningTagReservedError();
}

/**
 * Any write to a sub-resource (`rest`, as metadataTargetOf reads it) that names the tag: as the
 * key in the path, or in the body's `metadata` (the collection) or `meta` (one key). Refused.
 */
export function refuseWritesNamingTag(rest: string, body: unknown): void {
  if (metadataTargetOf(rest) === 'tag') throw new ProvisioningTagReservedError();
  if (!isMetadataPath(rest)) return;
  refuseTagWrites(isRecord(body) ? body.metadata : undefined);
  refuseTagWrites(isRecord(body) ? body.meta : undefined);
}
