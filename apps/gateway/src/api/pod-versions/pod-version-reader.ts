import { type PodEndpointSource, type PodServiceKind, createPodHttp } from '@podgate/openstack';
import type { AxiosInstance } from 'axios';
import type { ApiVersion } from '../microversion';
import type { ServiceApi } from '../service-api';
import { maxVersionFromDocument, versionDocumentUrl, versionRootUrl } from './pod-version-document';

/** Resolves a pod's endpoint: the admin's override, else the Keystone catalog (absent in noauth mode). */
export type PodEndpointOf = (pod: PodEndpointSource, kind: PodServiceKind) => Promise<string>;

/**
 * Reads a pod's maximum for `api` from its version documents, without a token: the endpoint itself
 * first (Nova serves /v2.1 publicly), then the root above it (Cinder's /v3/ sits behind authtoken,
 * its root answers 300 Multiple Choices with the list). Throws when neither says.
 */
export class PodVersionReader {
  private readonly http: AxiosInstance;

  constructor(
    private readonly api: ServiceApi,
    private readonly endpointOf: PodEndpointOf,
    timeoutMs: number,
  ) {
    this.http = createPodHttp({ timeoutMs });
  }

  async maxVersion(pod: PodEndpointSource): Promise<ApiVersion> {
    const documentUrl = versionDocumentUrl(await this.endpointOf(pod, this.api.podService));
    for (const url of [documentUrl, versionRootUrl(documentUrl)]) {
      const response = await this.http.get<unknown>(url);
      const readable = response.status === 200 || response.status === 300;
      const version = readable ? maxVersionFromDocument(this.api, response.data) : undefined;
      if (version) return version;
    }
    throw new Error(`no ${this.api.serviceType} version document at ${documentUrl}`);
  }
}
