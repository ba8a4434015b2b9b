import { type PodEndpointSource, type PodServiceKind, createPodHttp } from '@podgate/openstack';
import type { AxiosInstance } from 'axios';
import type { ApiVersion } from '../microversion';
import { maxVersionFromDocument, versionDocumentUrl, versionRootUrl } from './pod-version-document';

/** Resolves a pod's endpoint: the admin's override, else the Keystone catalog (absent in noauth mode). */
export type ComputeEndpointOf = (pod: PodEndpointSource, kind: PodServiceKind) => Promise<string>;

/**
 * Reads a pod's compute maximum from its version document, which Nova serves without a token:
 * the endpoint itself first, then the root above it. Throws when neither says.
 */
export class PodVersionReader {
  private readonly http: AxiosInstance;

  constructor(
    private readonly endpointOf: ComputeEndpointOf,
    timeoutMs: number,
  ) {
    this.http = createPodHttp({ timeoutMs });
  }

  async maxVersion(pod: PodEndpointSource): Promise<ApiVersion> {
    const documentUrl = versionDocumentUrl(await this.endpointOf(pod, 'compute'));
    for (const url of [documentUrl, versionRootUrl(documentUrl)]) {
      const response = await this.http.get<unknown>(url);
      const version = response.status === 200 ? maxVersionFromDocument(response.data) : undefined;
      if (version) return version;
    }
    throw new Error(`no compute version document at ${documentUrl}`);
  }
}
