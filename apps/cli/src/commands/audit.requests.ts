import type { ApiRequest } from '../admin-client/admin-http';
import type { PageOptions } from './admin-command';

export const AUDIT_PATH = '/v1.0/audit';
export const AUDIT_EXPORT_PATH = '/v1.0/audit/export';

export interface AuditFilterOptions {
  readonly project?: string;
  readonly resource?: string;
  readonly type?: string;
  readonly since?: string;
  readonly until?: string;
}

/** `--pod` arrives resolved to an id. */
export function auditFilterQuery(options: AuditFilterOptions, podId?: string): Record<string, string | undefined> {
  return {
    project_id: options.project,
    pod_id: podId,
    resource_id: options.resource,
    type: options.type,
    since: options.since,
    until: options.until,
  };
}

export function auditListRequest(options: AuditFilterOptions & PageOptions, podId?: string): ApiRequest {
  return { method: 'GET', path: AUDIT_PATH, query: { ...auditFilterQuery(options, podId), marker: options.marker } };
}

export function auditExportRequest(options: AuditFilterOptions, podId?: string): ApiRequest {
  return { method: 'GET', path: AUDIT_EXPORT_PATH, query: auditFilterQuery(options, podId) };
}
