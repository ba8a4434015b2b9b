/**
 * The OpenStack error envelope, `{"<kind>": {"code": <status>, "message": "..."}}`, as Nova and
 * Cinder answer. One pure mapping from status to kind, used by every error path: Nova's
 * `Fault._fault_names` (nova/api/openstack/wsgi.py); any other status is a `computeFault`, which
 * is what Nova answers for 406 too.
 */
const KIND_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

export interface OpenStackErrorBody {
  readonly [kind: string]: { readonly code: number; readonly message: string };
}

export function openStackError(status: number, message: string): OpenStackErrorBody {
  const kind = KIND_BY_STATUS[status] ?? 'computeFault';
  return { [kind]: { code: status, message } };
}

/** Never show a client a stack trace or a driver's message for a bug: this is what a 500 says. */
export const INTERNAL_ERROR_MESSAGE = 'The server has either erred or is incapable of performing the requested operation.';

/** What a 503 for an outage of podgate's own stores says: retry later, nothing of what is down or where. */
export const UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable. Please try again later.';
