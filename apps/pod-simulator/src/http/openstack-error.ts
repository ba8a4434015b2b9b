// Errors of the pod simulator (a test double) and the exact envelopes each OpenStack service
// wraps them in. Handlers throw OpenStackError; one error handler per API renders it.

/** Which service's error shape to use. Nova and Cinder share the oslo "fault" envelope. */
export type ErrorDialect = 'nova' | 'cinder' | 'keystone' | 'neutron' | 'glance';

export class OpenStackError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Neutron's `type` field (e.g. `NetworkNotFound`); other dialects ignore it. */
    readonly neutronType?: string,
    /** Forces one envelope whatever API raised it: keystonemiddleware's 401 looks the same everywhere. */
    readonly dialect?: ErrorDialect,
  ) {
    super(message);
    this.name = 'OpenStackError';
  }
}

export const badRequest = (message: string): OpenStackError => new OpenStackError(400, message);
export const forbidden = (message: string): OpenStackError => new OpenStackError(403, message);
export const notFound = (message: string): OpenStackError => new OpenStackError(404, message);
export const conflict = (message: string): OpenStackError => new OpenStackError(409, message);

/** The body keystonemiddleware sends in front of every service when a token is missing or bad. */
export const unauthorized = (): OpenStackError =>
  new OpenStackError(401, 'The request you have made requires authentication.', undefined, 'keystone');

// nova/api/openstack/wsgi.py and cinder/api/openstack/wsgi.py map the status to the envelope key;
// anything not listed (406, 500) becomes "computeFault" in both services.
const FAULT_NAMES: Record<number, string> = {
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

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

const NEUTRON_TYPES: Record<number, string> = {
  400: 'HTTPBadRequest',
  403: 'HTTPForbidden',
  404: 'HTTPNotFound',
  409: 'HTTPConflict',
  500: 'HTTPInternalServerError',
  503: 'HTTPServiceUnavailable',
};

export const faultName = (status: number): string => FAULT_NAMES[status] ?? 'computeFault';
export const statusTitle = (status: number): string => TITLES[status] ?? 'Error';

export interface RenderedError {
  contentType: string;
  body: string;
}

export function renderError(dialect: ErrorDialect, status: number, message: string, neutronType?: string): RenderedError {
  const json = (value: unknown): RenderedError => ({ contentType: 'application/json', body: JSON.stringify(value) });
  switch (dialect) {
    case 'nova':
    case 'cinder':
      return json({ [faultName(status)]: { code: status, message } });
    case 'keystone':
      return json({ error: { code: status, message, title: statusTitle(status) } });
    case 'neutron':
      return json({ NeutronError: { type: neutronType ?? NEUTRON_TYPES[status] ?? 'HTTPError', message, detail: '' } });
    case 'glance':
      // Glance answers errors as webob plain text, not JSON.
      return { contentType: 'text/plain; charset=UTF-8', body: `${status} ${statusTitle(status)}\n\n${message}\n\n   ` };
    default: {
      const never: never = dialect;
      throw new Error(`unknown error dialect ${String(never)}`);
    }
  }
}
