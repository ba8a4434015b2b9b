// Forwarding user calls to pods on Node's own http client: pooled keep-alive sockets per pod, the
// endpoint cached per pod+service, and every network failure turned into PodUnreachableError.
import http from 'node:http';
import https from 'node:https';
import { networkReason } from '../http/http-client';
import { withProject } from '../keystone/catalog';
import type { KeystoneClient } from '../keystone/keystone-client';
import type { PodEndpointSource } from '../keystone/pod-endpoint-resolver';
import { PodUnreachableError } from '../pod-http/pod-http.errors';
import { ForwardRequestInvalidError, forwardablePath, forwardableQuery } from './forward-path';
import { decodeBody, keptResponseHeaders, outgoingHeaders } from './forwarded-message';
import { PodAgents } from './pod-agents';
import { PodEndpointCache, type ResolvedEndpoint } from './pod-endpoint-cache';

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
  /**
   * Below the service root, starting with '/': `/servers/<id>/action`, percent-encoded (non-ASCII
   * text is encoded as UTF-8). No `.`/`..` segments, encoded `/`, `\` or NUL (see forward-path.ts).
   */
  readonly path: string;
  /** The raw query string without '?', forwarded as is (repeated keys kept; non-ASCII encoded). */
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
   * links in the body can be rewritten to podgate's own URL (see rewritePodLinks).
   */
  readonly podBaseUrl: string;
}

export interface PodProxyOptions {
  /** Default whole-request timeout, connect to last byte. */
  readonly timeoutMs: number;
  /** TCP connect alone; default min(3 s, timeoutMs). */
  readonly connectTimeoutMs?: number;
  /** Concurrent sockets per pod origin, default 256. */
  readonly maxSocketsPerPod?: number;
  /** Idle keep-alive sockets are closed after this, default 4 s. */
  readonly idleTimeoutMs?: number;
  /** How long a catalog look-up is trusted, default 60 s. */
  readonly endpointCacheMs?: number;
}

interface Exchange {
  readonly endpoint: ResolvedEndpoint;
  readonly upstream: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly payload?: string;
  readonly podBaseUrl: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/**
 * Methods sent twice when a pooled socket turns out to have been closed by the pod. Only the safe
 * ones: a reset after the request was written does not prove the pod never acted on it, and a
 * repeated PUT or DELETE (idempotent in RFC terms) can still answer differently (Nova's second
 * DELETE of a server is a 404) or act twice on pods that do not honour idempotency.
 */
const RETRIED_ON_STALE_SOCKET = new Set(['GET', 'HEAD', 'OPTIONS']);
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE']);

/**
 * Forwards user calls to pods: keep-alive connections per pod, statuses returned (never thrown),
 * network failures and timeouts thrown as PodUnreachableError (the caller answers 503).
 * `keystone` is absent in noauth mode: then only pods with explicit endpoint overrides are reachable.
 */
export class PodProxy {
  private readonly endpoints: PodEndpointCache;
  private readonly agents: PodAgents;
  private readonly connectTimeoutMs: number;

  constructor(
    readonly options: PodProxyOptions,
    readonly keystone?: Pick<KeystoneClient, 'endpointFor'>,
  ) {
    this.endpoints = new PodEndpointCache(keystone, options.endpointCacheMs ?? 60_000);
    const maxSockets = options.maxSocketsPerPod ?? 256;
    this.agents = new PodAgents({
      maxSockets,
      maxFreeSockets: Math.min(maxSockets, 64),
      idleTimeoutMs: options.idleTimeoutMs ?? 4000,
    });
    this.connectTimeoutMs = options.connectTimeoutMs ?? Math.min(3000, options.timeoutMs);
  }

  forward(request: ForwardRequest): Promise<ForwardedResponse> {
    try {
      const path = forwardablePath(request.path);
      const query = request.query ? forwardableQuery(request.query) : '';
      const endpoint = this.endpoints.resolve(request.pod, request.service);
      return endpoint instanceof Promise
        ? endpoint.then((e) => this.send(e, request, path, query))
        : this.send(endpoint, request, path, query);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Closes idle keep-alive sockets (app shutdown). */
  close(): void {
    this.agents.destroy();
  }

  private send(endpoint: ResolvedEndpoint, request: ForwardRequest, path: string, query: string): Promise<ForwardedResponse> {
    const basePath = endpoint.templated ? withProject(endpoint.pathTemplate, request.projectId) : endpoint.pathTemplate;
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    return this.exchange({
      endpoint,
      upstream: `${request.pod.name} ${request.service}`,
      method: request.method.toUpperCase(),
      path: query ? `${basePath}${path}?${query}` : basePath + path,
      headers: outgoingHeaders({
        token: request.token,
        headers: request.headers,
        globalRequestId: request.globalRequestId,
        payload,
      }),
      payload,
      podBaseUrl: endpoint.origin + basePath,
      timeoutMs: request.timeoutMs ?? this.options.timeoutMs,
      signal: request.signal,
    });
  }

  private exchange(call: Exchange): Promise<ForwardedResponse> {
    return new Promise<ForwardedResponse>((resolve, reject) => {
      let current: http.ClientRequest | undefined;
      let connectTimer: NodeJS.Timeout | undefined;
      let settled = false;
      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(wholeTimer);
        clearTimeout(connectTimer);
        call.signal?.removeEventListener('abort', onAbort);
        outcome();
      };
      // SECURITY: errors carry the pod's name and a reason, never the Node error (it holds the headers).
      const unreachable = (reason: string, code: string): void => {
        settle(() => reject(new PodUnreachableError(call.upstream, reason, code)));
        current?.destroy();
      };
      const onAbort = (): void => unreachable('request cancelled', 'ERR_CANCELED');
      const wholeTimer = setTimeout(() => unreachable(`no answer within ${call.timeoutMs} ms`, 'ETIMEDOUT'), call.timeoutMs);
      if (call.signal?.aborted) return onAbort();
      call.signal?.addEventListener('abort', onAbort, { once: true });

      const attempt = (retryStaleSocket: boolean): void => {
        const transport = call.endpoint.secure ? https : http;
        const req = transport.request({
          agent: this.agents.for(call.endpoint),
          hostname: call.endpoint.hostname,
          port: call.endpoint.port,
          method: call.method,
          path: call.path,
          headers: call.headers,
        });
        current = req;
        let responded = false;
        req.on('socket', (socket) => {
          if (!socket.connecting) return;
          connectTimer = setTimeout(
            () => unreachable(`no connection within ${this.connectTimeoutMs} ms`, 'ETIMEDOUT'),
            this.connectTimeoutMs,
          );
          socket.once('connect', () => clearTimeout(connectTimer));
        });
        req.on('response', (res) => {
          responded = true;
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            settle(() =>
              resolve({
                status: res.statusCode ?? 502,
                headers: keptResponseHeaders(res.headers),
                body: decodeBody(res.headers['content-type'], chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)),
                podBaseUrl: call.podBaseUrl,
              }),
            ),
          );
          res.on('error', () => unreachable(networkReason('ECONNRESET'), 'ECONNRESET'));
          res.on('close', () => res.complete || unreachable(networkReason('ECONNRESET'), 'ECONNRESET'));
        });
        req.on('error', (error: NodeJS.ErrnoException) => {
          if (settled) return;
          const code = error.code ?? 'unknown';
          // A pooled socket the pod closed while idle fails at once; the request never reached the pod.
          if (retryStaleSocket && !responded && req.reusedSocket && STALE_SOCKET_CODES.has(code)) return attempt(false);
          unreachable(networkReason(code), code);
        });
        req.end(call.payload);
      };
      try {
        attempt(RETRIED_ON_STALE_SOCKET.has(call.method));
      } catch (error) {
        // http.request validates the method, path and header values synchronously. The path was
        // checked already; what is left is the caller's to fix (a 400), never a TypeError (a 500).
        // SECURITY: Node's message names the header, not its value; it is not passed on anyway.
        settle(() => reject(new ForwardRequestInvalidError(invalidPart(error))));
      }
    });
  }
}

function invalidPart(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN') return 'a header holds a character HTTP does not allow';
  if (code === 'ERR_UNESCAPED_CHARACTERS') return 'the path holds a character that must be percent-encoded';
  return 'Node refused the request';
}
