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
 * Which metadata a sub-resource path names (what follows `/<resources>/{id}/`, percent-encoded as
 * the client sent it): the collection, the tag's own item, or neither (another key, another sub-resource).
 */
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
  if (rest !== 'metadata' && !rest.startsWith('metadata/')) return;
  refuseTagWrites(isRecord(body) ? body.metadata : undefined);
  refuseTagWrites(isRecord(body) ? body.meta : undefined);
}
