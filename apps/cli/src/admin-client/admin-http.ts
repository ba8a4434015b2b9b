import type { Readable } from 'node:stream';
import type { AxiosInstance } from 'axios';
import { ApiError, describeHttpFailure, headerValue, openStackErrorMessage } from './http-errors';

export type QueryValue = string | number | boolean | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/** One call of the admin API, as the pure argument mappers build it. */
export interface ApiRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly query?: Query;
  readonly body?: unknown;
}

export interface ApiStream {
  readonly body: Readable;
  /** From `x-podgate-event-count`; absent when the gateway did not say. */
  readonly count?: number;
}

const ERROR_BODY_LIMIT = 64 * 1024;

/** The admin API at one gateway, with the caller's token already attached. */
export class AdminHttp {
  constructor(
    private readonly http: AxiosInstance,
    /** "the gateway at http://host:port", for messages. */
    readonly service: string,
  ) {}

  async send<T>(request: ApiRequest): Promise<T> {
    try {
      const response = await this.http.request<T>({
        method: request.method,
        url: pathWithQuery(request.path, request.query),
        data: request.body,
      });
      return response.data;
    } catch (error) {
      throw describeHttpFailure(error, this.service);
    }
  }

  /** The answer body as a stream, so large exports never sit in memory. */
  async openStream(request: ApiRequest): Promise<ApiStream> {
    try {
      const response = await this.http.request<Readable>({
        method: request.method,
        url: pathWithQuery(request.path, request.query),
        responseType: 'stream',
        headers: { Accept: 'application/x-ndjson' },
        validateStatus: () => true,
      });
      if (response.status >= 400) {
        const text = await readSome(response.data, ERROR_BODY_LIMIT);
        const requestId = headerValue(response.headers['x-openstack-request-id']);
        throw new ApiError(response.status, openStackErrorMessage(text) ?? (response.statusText || 'no message'), requestId);
      }
      const count = Number(headerValue(response.headers['x-podgate-event-count']));
      return { body: response.data, count: Number.isSafeInteger(count) && count >= 0 ? count : undefined };
    } catch (error) {
      throw describeHttpFailure(error, this.service);
    }
  }
}

/** `path?a=1&b=x`, leaving out unset values; booleans as `true`/`false`. */
export function pathWithQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readSome(stream: Readable, limit: number): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.length >= limit) {
      stream.destroy();
      break;
    }
  }
  return text;
}
