import { Injectable } from '@nestjs/common';
import { PROVISIONING_METADATA_KEY } from '@podgate/routed-resources';
import { resourcePath, type VolumeResourceLocation } from '@podgate/volumes';
import { callerForward } from '../../api/forwarding/caller-forward';
import type { PodAnswer } from '../../api/forwarding/pod-answer';
import {
  isMetadataPath,
  MetadataItemNotFoundError,
  metadataTargetOf,
  ProvisioningTagKeeper,
  refuseWritesNamingTag,
  viewMetadataBody,
} from '../../api/provisioning-tag';
import { subresourceAction } from '../../compute/servers/server-action';
import { checkCinderMetadata } from './cinder-metadata';
import { type ResourceCall, type ResourceView, VolumeResourceCalls } from './volume-resource-calls';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const asIs: ResourceView = (body) => body;
/** User metadata is never translated (an `availability_zone` key is the user's); only the tag is taken out. */
const tagless: ResourceView = (body) => viewMetadataBody(body);

/** Cinder's 404 for a key the resource has no metadata for (VolumeMetadataNotFound, SnapshotMetadataNotFound). */
export function tagNotFound({ kind, id }: Pick<ResourceCall, 'kind' | 'id'>): MetadataItemNotFoundError {
  const noun = `${kind[0].toUpperCase()}${kind.slice(1)}`;
  return new MetadataItemNotFoundError(`${noun} ${id} has no metadata with key ${PROVISIONING_METADATA_KEY}.`);
}

/**
 * The sub-resources of a volume or snapshot (`metadata`, `metadata/<key>`, a volume's
 * `encryption`...) with podgate's provisioning tag out of sight and out of reach: metadata answers
 * without it, its own key "not there" to a GET, any write naming it refused with Cinder's 400
 * (before the resource is looked up, as Cinder's schema checks come first), and a PUT of all the
 * metadata keeping the pod's tag. Reads go to the resource's pod, writes are recorded by the
 * volumes slice as `<METHOD> <sub-resource>` (`PUT metadata`).
 */
@Injectable()
export class ResourceMetadataCalls {
  constructor(
    private readonly calls: VolumeResourceCalls,
    private readonly tags: ProvisioningTagKeeper,
  ) {}

  /** GET of `rest`: what follows `/<kind>s/{id}/`, percent-encoded as the client sent it. */
  async read(call: ResourceCall, rest: string): Promise<PodAnswer> {
    if (metadataTargetOf(rest) === 'tag') {
      // Cinder gets the resource before its key: an unknown one is the resource's own 404.
      await this.calls.locate(call);
      throw tagNotFound(call);
    }
    return this.calls.read(call, `${resourcePath(call.kind, call.id)}/${rest}`, isMetadataPath(rest) ? tagless : asIs);
  }

  async write(call: ResourceCall, method: 'POST' | 'PUT' | 'DELETE', rest: string, body: unknown): Promise<PodAnswer> {
    refuseWritesNamingTag(rest, body);
    const action = subresourceAction(method, rest);
    const location = await this.calls.locate(call);
    // PUT of the collection replaces all metadata (Cinder's update_all): the tag is put back.
    const sent =
      method === 'PUT' && metadataTargetOf(rest) === 'collection' && isRecord(body) && isRecord(body.metadata)
        ? { ...body, metadata: await this.keepTag(call, body.metadata, location) }
        : body;
    const path = `${resourcePath(call.kind, call.id)}/${rest}`;
    const forward = callerForward(call.request, call.context, { method, path, body: sent });
    return this.calls.write(call, action, forward, isMetadataPath(rest) ? tagless : asIs, location);
  }

  /**
   * Metadata that replaces all of a resource's (PUT metadata; a volume update with `metadata`,
   * which Cinder's db volume_update applies with delete=True), with the pod's current tag in it.
   * Anything but an object goes to the pod as it is, for Cinder to refuse in its words; an object
   * Cinder would refuse is refused here, before the tag is in it (checkCinderMetadata).
   */
  async keepTag(call: ResourceCall, metadata: unknown, location: Pick<VolumeResourceLocation, 'pod'>): Promise<unknown> {
    if (!isRecord(metadata)) return metadata;
    checkCinderMetadata(metadata);
    return this.tags.keep(metadata, { service: 'volume', pod: location.pod, path: resourcePath(call.kind, call.id) }, call);
  }
}
