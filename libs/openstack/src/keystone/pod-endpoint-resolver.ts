// Where a pod's APIs live: the admin's explicit override, else the Keystone catalog of the pod's
// region (pod name = Keystone region, as in Tricircle).
import type { KeystoneClient } from './keystone-client';

export type PodServiceKind = 'compute' | 'volume' | 'image';

/** Structurally a PodView of @podgate/pods, without depending on it. */
export interface PodEndpointSource {
  readonly name: string;
  readonly endpoints: { readonly compute?: string | null; readonly volume?: string | null; readonly image?: string | null };
}

export const CATALOG_SERVICE_TYPE: Readonly<Record<PodServiceKind, string>> = {
  compute: 'compute',
  volume: 'volumev3',
  image: 'image',
};

/** The URL (possibly a `%(project_id)s` template: fill it with withProject) of one of a pod's APIs. */
export async function resolvePodEndpoint(
  keystone: Pick<KeystoneClient, 'endpointFor'>,
  pod: PodEndpointSource,
  kind: PodServiceKind,
): Promise<string> {
  const override = pod.endpoints[kind];
  if (override) return override.replace(/\/+$/, '');
  return keystone.endpointFor(pod.name, CATALOG_SERVICE_TYPE[kind]);
}

/** The same, as an injectable object for Nest providers. */
export class PodEndpointResolver {
  constructor(private readonly keystone: Pick<KeystoneClient, 'endpointFor'>) {}

  resolve(pod: PodEndpointSource, kind: PodServiceKind): Promise<string> {
    return resolvePodEndpoint(this.keystone, pod, kind);
  }
}
