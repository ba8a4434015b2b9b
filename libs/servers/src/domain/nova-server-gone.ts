/**
 * Whether a pod's answer about one server (GET or DELETE /servers/{id}) says the server is gone:
 * Nova's own 404, whose body is `{"itemNotFound": {"code": 404, "message": "Instance ... could not
 * be found."}}`. Any other 404 (an HTML page from a load balancer or proxy in front of the pod, a
 * wrong endpoint path, a bare status) says nothing about the server, and treating it as gone would
 * unroute a live server for good. Pure: the gateway uses the same rule before RecordServerGone.
 */
export function isNovaServerGone(status: number, body: unknown): boolean {
  if (status !== 404 || !isRecord(body)) return false;
  return isRecord(body['itemNotFound']);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
