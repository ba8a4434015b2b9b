import type { ForwardedResponse, PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { PROVISIONING_METADATA_KEY, TaggedResourcesNotListedError } from '@podgate/routed-resources';
import type { VolumeForward, VolumeResourceKind } from '../../domain/volume-resource';
import { VOLUME_RESOURCE_KINDS } from '../../domain/volume-resource.kinds';

/** Who asks the pod, and as whom: the creating caller's token sees exactly the caller's resources. */
export interface VolumePodCaller {
  readonly pod: PodView;
  /** The tenant whose resources are sought (and a `%(project_id)s` in the endpoint). */
  readonly projectId: string;
  readonly token: string;
  readonly globalRequestId?: string;
}

export interface TaggedVolumeLookupOptions {
  /** With `all_tenants` and the tenant's `project_id`: for podgate's service token (admin). */
  readonly allTenants?: boolean;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

export interface TaggedVolumeResources {
  /** The resources' detail views as the pod listed them, oldest first. */
  readonly items: readonly Record<string, unknown>[];
  /** The pod's volume root as the proxy resolved it, for links in those views. */
  readonly podBaseUrl: string;
}

/** Whether creates of this kind carry the provisioning tag (Cinder can find them by metadata). */
export const isTaggedKind = (kind: VolumeResourceKind): boolean => VOLUME_RESOURCE_KINDS[kind].taggedWith !== null;

/**
 * Whether this create goes to the pod with the provisioning tag, so what it made can be found again:
 * a volume or snapshot create (`{"volume": {...}}`), not a backup, nor a restore (`{"restore": ...}`),
 * whose new volume carries its source's metadata instead.
 */
export function carriesProvisioningTag(kind: VolumeResourceKind, forward: Pick<VolumeForward, 'body'>): boolean {
  const body = forward.body;
  return isTaggedKind(kind) && isRecord(body) && isRecord(body[kind]);
}

/**
 * A create's call with the provisioning tag in its metadata, for the kinds Cinder can find by it
 * (volumes, snapshots); anything else (a backup, a restore's `{"restore": ...}`) unchanged. The tag
 * is added after the request summary is taken, so it is never recorded as a user's metadata key.
 */
export function withProvisioningTag(kind: VolumeResourceKind, forward: VolumeForward, provisioningId: string): VolumeForward {
  const body = forward.body;
  const inner = isRecord(body) ? body[kind] : undefined;
  if (!carriesProvisioningTag(kind, forward) || !isRecord(body) || !isRecord(inner)) return forward;
  const metadata = isRecord(inner['metadata']) ? inner['metadata'] : {};
  const tagged = { ...inner, metadata: { ...metadata, [PROVISIONING_METADATA_KEY]: provisioningId } };
  return { ...forward, body: { ...body, [kind]: tagged } };
}

/**
 * The resources of `kind` on the pod carrying this provisioning's tag: Cinder filters volumes and
 * snapshots by metadata (`metadata={"k": "v"}`, read as a Python literal). What the pod answers is
 * checked again, so a pod that ignored the filter adopts nothing wrong.
 * SECURITY: a resource of another project carrying the tag (someone copied it) is never taken.
 */
export async function findTaggedVolumeResources(
  proxy: Pick<PodProxy, 'forward'>,
  caller: VolumePodCaller,
  kind: VolumeResourceKind,
  provisioningId: string,
  options: TaggedVolumeLookupOptions = {},
): Promise<TaggedVolumeResources> {
  const spec = VOLUME_RESOURCE_KINDS[kind];
  if (spec.taggedWith === null) return { items: [], podBaseUrl: '' };
  const query = new URLSearchParams({
    metadata: JSON.stringify({ [PROVISIONING_METADATA_KEY]: provisioningId }),
    sort: 'created_at:asc',
  });
  if (options.allTenants) {
    query.set('all_tenants', '1');
    query.set('project_id', caller.projectId);
  }
  const response = await proxy.forward({
    pod: caller.pod,
    service: 'volume',
    projectId: caller.projectId,
    method: 'GET',
    path: `/${spec.collection}/detail`,
    query: query.toString(),
    token: caller.token,
    globalRequestId: caller.globalRequestId,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  const { projectAttribute } = spec.taggedWith;
  const items = itemsOf(response, spec.collection).filter((item) => {
    const metadata = isRecord(item['metadata']) ? item['metadata'] : {};
    const project = item[projectAttribute];
    return metadata[PROVISIONING_METADATA_KEY] === provisioningId && (project === undefined || project === caller.projectId);
  });
  return { items, podBaseUrl: response.podBaseUrl };
}

/** A failed list is an error: "no tagged resource" must mean the pod said so, not that it refused to say. */
function itemsOf(response: ForwardedResponse, collection: string): Record<string, unknown>[] {
  const items = isRecord(response.body) ? response.body[collection] : undefined;
  if (response.status !== 200 || !Array.isArray(items)) throw new TaggedResourcesNotListedError(response.status);
  return items.filter((item): item is Record<string, unknown> => isRecord(item) && typeof item['id'] === 'string');
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
