/**
 * oslo.middleware's rule for a caller's X-OpenStack-Request-ID: taken as the global request id only
 * when it is exactly `req-<lowercase uuid>`; anything else is ignored, never echoed or recorded,
 * so a client cannot put arbitrary text into events and pod logs.
 */
const GLOBAL_REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const GLOBAL_REQUEST_ID_HEADER = 'x-openstack-request-id';

export function globalRequestIdFrom(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && GLOBAL_REQUEST_ID.test(value) ? value : undefined;
}
