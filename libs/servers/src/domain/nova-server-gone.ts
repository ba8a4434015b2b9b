import { isItemNotFound } from '@podgate/routed-resources';

/**
 * Whether a pod's answer about one server (GET or DELETE /servers/{id}) says the server is gone:
 * Nova's own 404 (`{"itemNotFound": {...}}`), the rule every routed resource shares (isItemNotFound).
 * Pure: the gateway uses the same rule before RecordServerGone.
 */
export const isNovaServerGone = (status: number, body: unknown): boolean => isItemNotFound(status, body);
