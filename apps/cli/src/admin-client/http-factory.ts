import axios, { type AxiosInstance } from 'axios';
import { headerValue, redactedUrl } from './http-errors';

export interface HttpOptions {
  readonly baseURL?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Where `--debug` lines go. */
  readonly debug?: (line: string) => void;
  readonly timeoutMs?: number;
}

const USER_AGENT = 'podgate-cli';

/**
 * An axios instance whose `--debug` trace shows method, URL, status and request id.
 * SECURITY: never headers or bodies: X-Auth-Token and the Keystone password live there.
 */
export function createHttp(options: HttpOptions): AxiosInstance {
  const http = axios.create({
    baseURL: options.baseURL,
    headers: { 'User-Agent': USER_AGENT, Accept: 'application/json', ...options.headers },
    timeout: options.timeoutMs ?? 60_000,
  });
  const debug = options.debug;
  if (debug) {
    http.interceptors.request.use((config) => {
      debug(`REQ: ${(config.method ?? 'get').toUpperCase()} ${redactedUrl(http.getUri(config))}`);
      return config;
    });
    http.interceptors.response.use(
      (response) => {
        debug(`RESP: ${response.status} ${describeRequestId(response.headers['x-openstack-request-id'])}`);
        return response;
      },
      (error: unknown) => {
        const response = (error as { response?: { status: number; headers: Record<string, unknown> } }).response;
        debug(
          response
            ? `RESP: ${response.status} ${describeRequestId(response.headers['x-openstack-request-id'])}`
            : 'RESP: no answer',
        );
        return Promise.reject(error);
      },
    );
  }
  return http;
}

const describeRequestId = (value: unknown): string => headerValue(value) ?? '(no request id)';
