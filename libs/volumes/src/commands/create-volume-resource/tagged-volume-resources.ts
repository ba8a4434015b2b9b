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
 * a volume or snapshot create (`{"volume": {...}}`) whose metadata is absent or a map. Not a backup,
 * nor a restore (`{"restore": ...}`) or a volume made from a backup (3.47 `backup_id`): Cinder's
 * restore replaces the new volume's metadata with its source's. Not a create whose `metadata` is not
 * a map either: the pod must refuse that as the user sent it.
 */
export function carriesProvisioningTag(kind: VolumeResourceKind, forward: Pick<VolumeForward, 'body'>): boolean {
  const body = forward.body;
  const inner = isRecord(body) ? body[kind] : undefined;
  if (!isTaggedKind(kind) || !isRecord(inner)) return false;
  const metadata = inner['metadata'];
  return (metadata === undefined || metadata === null || isRecord(metadata)) && (inner['backup_id'] ?? null) === null;
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
 * snapshots (from 3.22) by metadata (`metadata={"k": "v"}`, read as a Python literal). What the pod answers is
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
    headers: { 'OpenStack-API-Version': `volume ${spec.taggedWith.filterVersion}` },
    token: caller.token,
    globalRequestId: caller.globalRequestId,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
  });
  const { projectAttribute } = spec.taggedWith;
  const items = itemsOf(response, spec.collection).filter((item) => {
    const metadata = isRecord(item['metadata']) ? item['metadata'] : {};
    const project = item[projectAttribute];
    // An admin's (all tenants) view always names the project: without it, nothing is taken.
    const ours = project === caller.projectId || (project === undefined && !options.allTenants);
    return metadata[PROVISIONING_METADATA_KEY] === provisioningId && ours;
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
