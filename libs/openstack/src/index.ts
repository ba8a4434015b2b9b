export { KeystoneClient, type KeystoneClientOptions } from './keystone/keystone-client';
export { KEYSTONE_CLIENT } from './keystone/keystone-client.token';
export type { KeystoneLogger } from './keystone/keystone-logger';
export type { Identity } from './keystone/token-body';
export {
  EndpointNotFoundError,
  InvalidTokenError,
  KeystoneUnavailableError,
  KEYSTONE_UNAVAILABLE,
  AUTHENTICATION_REQUIRED,
} from './keystone/keystone.errors';
export { withProject, PROJECT_ID_TEMPLATE, type EndpointInterface } from './keystone/catalog';
export {
  PodEndpointResolver,
  resolvePodEndpoint,
  CATALOG_SERVICE_TYPE,
  type PodEndpointSource,
  type PodServiceKind,
} from './keystone/pod-endpoint-resolver';
export { createPodHttp, podCall, GLOBAL_REQUEST_ID_HEADER, type PodHttpOptions, type PodCall } from './pod-http/pod-http';
export { PodUnreachableError, UpstreamError } from './pod-http/pod-http.errors';
export { mapUpstreamFailure, openStackErrorMessage, type UpstreamFailure } from './pod-http/upstream-failure';
export {
  getHypervisorStatistics,
  STATISTICS_MICROVERSION,
  type HypervisorStatistics,
  type HypervisorStatisticsOptions,
} from './pod-http/hypervisor-statistics';
export {
  PodProxy,
  type ForwardTarget,
  type ForwardService,
  type ForwardRequest,
  type ForwardedResponse,
  type PodProxyOptions,
} from './pod-proxy/pod-proxy';
export {
  rewritePodLinks,
  rewritePodLocation,
  podLinkRewriter,
  publicServiceUrl,
  PUBLIC_SERVICE_PATHS,
  type PublicService,
} from './pod-proxy/pod-links';
export { ForwardPathInvalidError } from './pod-proxy/forward-path';
