/**
 * Whether a pod's answer about one resource (GET or DELETE of a server, volume, snapshot or backup)
 * says the resource is gone: the API's own 404, whose body is `{"itemNotFound": {"code": 404,
 * "message": "... could not be found."}}` in Nova and Cinder alike. Any other 404 (an HTML page
 * from a load balancer or proxy in front of the pod, a wrong endpoint path, a bare status) says
 * nothing about the resource, and treating it as gone would unroute a live one for good. Pure: the
 * gateway uses the same rule before recording a resource gone.
 */
export function isItemNotFound(status: number, body: unknown): boolean {
  if (status !== 404 || !isRecord(body)) return false;
  return isRecord(body['itemNotFound']);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
