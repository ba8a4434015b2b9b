// The one way podgate builds an axios instance for OpenStack services (Keystone and pods alike).
import axios, { type AxiosInstance } from 'axios';
import { connectTimeoutAgents } from './connect-timeout-agents';

export interface HttpClientOptions {
  readonly baseURL?: string;
  /** Whole request, connect to last byte. */
  readonly timeoutMs: number;
  /** TCP connect alone; defaults to the smaller of 3 s and timeoutMs. */
  readonly connectTimeoutMs?: number;
  readonly headers?: Record<string, string>;
}

export function createHttpClient(options: HttpClientOptions): AxiosInstance {
  const connectTimeoutMs = options.connectTimeoutMs ?? Math.min(3000, options.timeoutMs);
  return axios.create({
    ...connectTimeoutAgents(connectTimeoutMs),
    baseURL: options.baseURL,
    // With redirects off axios runs a wall-clock timer over the whole exchange, not only socket idleness.
    timeout: options.timeoutMs,
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true },
    // Upstream statuses are data for the caller to map, not exceptions; only the network throws.
    validateStatus: () => true,
    // Environment proxies (HTTP_PROXY) would reroute calls to pods and Keystone unseen.
    proxy: false,
    headers: { Accept: 'application/json', ...options.headers },
  });
}

/** The axios/Node error code of a network failure, or undefined when the error is not one. */
export function networkErrorCode(error: unknown): string | undefined {
  if (axios.isAxiosError(error)) return error.code ?? 'ERR_NETWORK';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ETIMEDOUT: 'no answer in time',
  ECONNABORTED: 'no answer in time',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ERR_SOCKET_CLOSED: 'connection reset',
  ENOTFOUND: 'host name not resolved',
  EAI_AGAIN: 'host name not resolved',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ERR_CANCELED: 'request cancelled',
};

/** A short, secret-free reason for a network failure code. */
export const networkReason = (code: string): string => NETWORK_REASONS[code] ?? `network error ${code}`;
