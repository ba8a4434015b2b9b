import { withHiddenTag } from '../../api/provisioning-tag';

/** What a server body needs to know of its pod: the AZ users see and the pod's own. */
export interface AzPair {
  readonly azName: string;
  readonly podAzName: string;
}

/** Where a server body names its pod's AZ: where it is (2.1) and where it is pinned to (2.96). */
const AZ_FIELDS = ['OS-EXT-AZ:availability_zone', 'pinned_availability_zone'] as const;

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A server as users must see it: the pod's own AZ replaced by the user-visible one (podgate always
 * names the AZ on create, so pods pin every server to their own), and podgate's provisioning tag
 * taken out of its metadata. The input is not modified.
 */
export function viewServer(server: Json, pod: AzPair): Json {
  let view = server;
  for (const field of AZ_FIELDS) if (view[field] === pod.podAzName) view = { ...view, [field]: pod.azName };
  return withHiddenTag(view);
}

/** `{"server": {...}}` and `{"servers": [...]}` answers viewed; any other body comes back as it was. */
export function viewServerBody(body: unknown, pod: AzPair): unknown {
  if (!isRecord(body)) return body;
  if (isRecord(body.server)) return { ...body, server: viewServer(body.server, pod) };
  if (Array.isArray(body.servers)) {
    return { ...body, servers: body.servers.map((item) => (isRecord(item) ? viewServer(item, pod) : item)) };
  }
  return body;
}
