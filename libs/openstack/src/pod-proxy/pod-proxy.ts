// CONTRACT STUB (session 3): the shape is fixed; the proxy-and-federation helper implements it.
import type { PodEndpointSource } from '../keystone/pod-endpoint-resolver';
import type { KeystoneClient } from '../keystone/keystone-client';

/** A registered pod as the proxy needs it: structurally a PodView of @podgate/pods. */
export interface ForwardTarget extends PodEndpointSource {
  readonly podId: string;
}

export type ForwardService = 'compute' | 'volume';

/** One user call to pass on to a pod, as podgate received it (after its own checks). */
export interface ForwardRequest {
  readonly pod: ForwardTarget;
  readonly service: ForwardService;
  /** Fills `%(project_id)s` in the pod's endpoint (the caller's project). */
  readonly projectId: string;
  readonly method: string;
  /** Below the service root, starting with '/': `/servers/<id>/action`. */
  readonly path: string;
  /** The raw query string without '?', forwarded as is (repeated keys kept). */
  readonly query?: string;
  /** SECURITY: sent as X-Auth-Token; never logged, blanked out of error messages. */
  readonly token: string;
  /** Extra request headers, e.g. the negotiated microversion headers, Content-Type. */
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON-serialisable body; undefined sends none. */
  readonly body?: unknown;
  /** Sent as X-OpenStack-Request-ID. */
  readonly globalRequestId?: string;
  /** Overrides the proxy's default whole-request timeout (list fan-out uses the shorter one). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface ForwardedResponse {
  readonly status: number;
  /** Lower-case names; hop-by-hop headers (connection, keep-alive, transfer-encoding, content-length) removed. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON when the pod sent JSON, the text otherwise, undefined when empty. */
  readonly body: unknown;
  /**
   * The pod's service root as resolved (project filled in), e.g. `http://10.0.0.5:8774/v2.1`, so
   * links in the body can be rewritten to podgate's own URL (see rewriteLinks).
   */
  readonly podBaseUrl: string;
}

export interface PodProxyOptions {
  /** Default whole-request timeout, connect to last byte. */
  readonly timeoutMs: number;
  readonly connectTimeoutMs?: number;
}

/**
 * Forwards user calls to pods: keep-alive connections per pod, statuses returned (never thrown),
 * network failures and timeouts thrown as PodUnreachableError (the caller answers 503).
 * `keystone` is absent in noauth mode: then only pods with explicit endpoint overrides are reachable.
 */
export class PodProxy {
  constructor(
    readonly options: PodProxyOptions,
    readonly keystone?: Pick<KeystoneClient, 'endpointFor'>,
  ) {}

  forward(request: ForwardRequest): Promise<ForwardedResponse> {
    throw new Error(`PodProxy.forward not implemented yet (${request.method} ${request.path})`);
  }

  /** Closes idle keep-alive sockets (app shutdown). */
  close(): void {}
}
