// The one mapping from "a pod call went wrong" to podgate's errors (cf. http-proxy-middleware's
// status-code.ts). Pure, so every row of it is tested.
import type { ErrorKind } from '@podgate/kernel';
import { networkReason } from '../http/http-client';
import { PodUnreachableError, UpstreamError } from './pod-http.errors';

export type UpstreamFailure =
  | { readonly upstream: string; readonly status: number; readonly body?: unknown; readonly secrets?: readonly string[] }
  | { readonly upstream: string; readonly networkCode: string };

/** What the caller may be told about an upstream status; everything else is "the pod is failing". */
const KIND_BY_STATUS: Readonly<Record<number, ErrorKind>> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  409: 'conflict',
};

const MAX_MESSAGE_LENGTH = 500;

export function mapUpstreamFailure(failure: UpstreamFailure): PodUnreachableError | UpstreamError {
  if ('networkCode' in failure) {
    return new PodUnreachableError(failure.upstream, networkReason(failure.networkCode), failure.networkCode);
  }
  const kind = KIND_BY_STATUS[failure.status] ?? 'serviceUnavailable';
  return new UpstreamError(failure.upstream, failure.status, kind, openStackErrorMessage(failure.body, failure.secrets));
}

/**
 * The message of an OpenStack error body: Nova/Cinder `{"itemNotFound": {"message"}}`, Keystone
 * `{"error": {"message"}}`, Neutron `{"NeutronError": {"message"}}`, Placement `{"errors": [{"detail"}]}`,
 * or Glance's plain text `404 Not Found\n\n<message>`. The secrets are blanked out before clipping.
 */
export function openStackErrorMessage(body: unknown, secrets: readonly string[] = []): string | undefined {
  const text = rawMessage(body)?.trim();
  return text ? redact(text, secrets).slice(0, MAX_MESSAGE_LENGTH) : undefined;
}

function rawMessage(body: unknown): string | undefined {
  // An HTML page (a proxy's 502) is no message worth repeating.
  if (typeof body === 'string') return body.trimStart().startsWith('<') ? undefined : body.replace(/^\d{3} [^\n]*\n/, '');
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.message === 'string') return record.message;
  if (Array.isArray(record.errors)) return stringField(record.errors[0], 'detail');
  const values = Object.values(record);
  return values.length === 1 ? stringField(values[0], 'message') : undefined;
}

function stringField(value: unknown, field: string): string | undefined {
  const text = value && typeof value === 'object' ? (value as Record<string, unknown>)[field] : undefined;
  return typeof text === 'string' ? text : undefined;
}

/** SECURITY: an upstream may echo what it was sent (Keystone's "Could not find token: <id>"). */
function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret ? out.split(secret).join('***') : out), text);
}
