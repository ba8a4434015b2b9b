// HTTP to pods: bounded in time, one connection per request, the caller's global request id
// propagated, and failures mapped once (upstream-failure.ts).
import type { AxiosInstance, AxiosRequestConfig, AxiosResponse } from 'axios';
import { createHttpClient, networkErrorCode } from '../http/http-client';
import { mapUpstreamFailure } from './upstream-failure';

/** oslo.middleware's header: the caller's request id, which every OpenStack service logs. */
export const GLOBAL_REQUEST_ID_HEADER = 'X-OpenStack-Request-ID';

export interface PodHttpOptions {
  /** Whole request, connect to last byte. */
  readonly timeoutMs: number;
  /** TCP connect alone; default min(3 s, timeoutMs). */
  readonly connectTimeoutMs?: number;
  /** Sent as X-OpenStack-Request-ID on every request of this instance. */
  readonly globalRequestId?: string;
  readonly baseURL?: string;
}

/** An axios instance for one pod API. Statuses never throw; use podCall() to have them mapped. */
export function createPodHttp(options: PodHttpOptions): AxiosInstance {
  return createHttpClient({
    baseURL: options.baseURL,
    timeoutMs: options.timeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
    headers: options.globalRequestId ? { [GLOBAL_REQUEST_ID_HEADER]: options.globalRequestId } : {},
  });
}

export interface PodCall extends AxiosRequestConfig {
  /** Names the pod API in errors, e.g. "Pod1 compute". */
  readonly upstream: string;
  /** SECURITY: sent as X-Auth-Token and blanked out of any error message the pod sends back. */
  readonly token: string;
  readonly globalRequestId?: string;
}

/** One request to a pod; a 2xx/3xx answer, or PodUnreachableError / UpstreamError. */
export async function podCall<T>(http: AxiosInstance, call: PodCall): Promise<AxiosResponse<T>> {
  const { upstream, token, globalRequestId, ...config } = call;
  const headers = {
    ...(config.headers as Record<string, string> | undefined),
    'X-Auth-Token': token,
    ...(globalRequestId ? { [GLOBAL_REQUEST_ID_HEADER]: globalRequestId } : {}),
  };
  let response: AxiosResponse<T>;
  try {
    response = await http.request<T>({ ...config, headers });
  } catch (error) {
    // SECURITY: the axios error holds the request headers (the token); only its code goes on.
    throw mapUpstreamFailure({ upstream, networkCode: networkErrorCode(error) ?? 'unknown' });
  }
  if (response.status >= 400)
    throw mapUpstreamFailure({ upstream, status: response.status, body: response.data, secrets: [token] });
  return response;
}
