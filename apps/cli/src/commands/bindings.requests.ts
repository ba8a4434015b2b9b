import type { ApiRequest } from '../admin-client/admin-http';
import type { PageOptions } from './admin-command';

export const BINDING_PATH = '/v1.0/bindings';

export interface BindingListOptions extends PageOptions {
  readonly project?: string;
  readonly az?: string;
  readonly active?: boolean;
  readonly ended?: boolean;
  readonly asOf?: string;
}

export interface BindingCreateOptions {
  readonly project: string;
  readonly az: string;
  readonly affinityTag?: string;
}

export const bindingPath = (bindingId: string): string => `${BINDING_PATH}/${encodeURIComponent(bindingId)}`;

/** `--pod` arrives resolved to an id; `--active`/`--ended` become `active=true|false`. */
export function bindingListRequest(options: BindingListOptions, podId?: string): ApiRequest {
  const active = options.active ? true : options.ended ? false : undefined;
  return {
    method: 'GET',
    path: BINDING_PATH,
    query: {
      project_id: options.project,
      pod_id: podId,
      az_name: options.az,
      active,
      as_of: options.asOf,
      marker: options.marker,
    },
  };
}

export function bindingCreateRequest(options: BindingCreateOptions, podId: string): ApiRequest {
  const binding = {
    project_id: options.project,
    az_name: options.az,
    pod_id: podId,
    ...(options.affinityTag ? { affinity_tag: options.affinityTag } : {}),
  };
  return { method: 'POST', path: BINDING_PATH, body: { binding } };
}

/** Ending keeps the binding (with ended_at) for `--as-of` questions; DELETE is the API's verb for it. */
export function bindingEndRequest(bindingId: string, reason?: string): ApiRequest {
  return { method: 'DELETE', path: bindingPath(bindingId), query: { reason } };
}
