import { isAxiosError } from 'axios';
import { CliError } from '../cli-errors';

/** An answer >= 400, shown as the openstack CLI does: `<message> (HTTP <status>) (Request-ID: <id>)`. */
export class ApiError extends CliError {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly apiMessage: string,
    readonly requestId?: string,
    prefix = '',
  ) {
    super(`${prefix}${apiMessage} (HTTP ${status})${requestId ? ` (Request-ID: ${requestId})` : ''}`);
  }
}

/**
 * The message of an OpenStack error body: `{"itemNotFound": {"code": 404, "message": "..."}}`
 * (Nova, Cinder, the gateway) or `{"error": {"code": 401, "message": "..."}}` (Keystone).
 */
export function openStackErrorMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    try {
      return openStackErrorMessage(JSON.parse(body));
    } catch {
      return undefined;
    }
  }
  if (body === null || typeof body !== 'object') return undefined;
  for (const value of Object.values(body)) {
    const message = (value as { message?: unknown } | null)?.message;
    if (typeof message === 'string') return message;
  }
  return undefined;
}

const NETWORK_PROBLEMS: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'timed out',
  ECONNABORTED: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/**
 * One line for any failed call to `service` (e.g. "the gateway at http://...").
 * SECURITY: built from the status, the body's message and the error code only, never from the
 * request, whose headers carry the token and whose Keystone body carries the password.
 */
export function describeHttpFailure(error: unknown, service: string): Error {
  if (error instanceof CliError || !isAxiosError(error)) return error as Error;
  const response = error.response;
  if (response) {
    const requestId = headerValue(response.headers?.['x-openstack-request-id']);
    const message = openStackErrorMessage(response.data) ?? (response.statusText || 'no message');
    return new ApiError(response.status, message, requestId, service.startsWith('Keystone') ? `${service}: ` : '');
  }
  const problem = NETWORK_PROBLEMS[error.code ?? ''] ?? error.message;
  return new CliError(`cannot connect to ${service}: ${problem}`);
}

export const headerValue = (value: unknown): string | undefined =>
  Array.isArray(value) ? String(value[0]) : value === undefined || value === null ? undefined : String(value);

/** A URL for messages: origin and path, without any user:password@ part. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}

/** A URL for `--debug`: complete with its query, without any user:password@ part. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}
