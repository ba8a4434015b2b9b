import { type ForwardedResponse, type ForwardRequest, type ForwardService, openStackErrorMessage } from '@podgate/openstack';
import { PodPushRefusedError } from './pod-push-refused.error';
import type { PodSyncCredentials } from './sync-credentials';

/** What a pusher needs of PodProxy. */
export interface PodSyncTransport {
  forward(request: ForwardRequest): Promise<ForwardedResponse>;
}

/** A pod as a pusher sees it: structurally a PodView of @podgate/pods. */
export type PodSyncPod = ForwardRequest['pod'];

/** One call to the pod's service, below its root (`/flavors/x`, `/types`); `query` without '?'. */
export type PodCall = (method: string, path: string, body?: unknown, query?: string) => Promise<ForwardedResponse>;

export interface PodSyncClientOptions {
  readonly service: ForwardService;
  /** Sent with every call, e.g. the microversion the pusher speaks. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

/**
 * Calls to one pod's service with podgate's service session (never a user's token), tagged with the
 * round's request id and aborted with the reconciler. Each pusher opens one per task.
 */
export class PodSyncClient {
  constructor(
    private readonly transport: PodSyncTransport,
    private readonly credentials: PodSyncCredentials,
    private readonly options: PodSyncClientOptions,
  ) {}

  async open(pod: PodSyncPod, globalRequestId: string, signal?: AbortSignal): Promise<PodCall> {
    const { token, projectId } = await this.credentials.session();
    const { service, headers, timeoutMs } = this.options;
    return (method, path, body, query) =>
      this.transport.forward({
        pod,
        service,
        projectId,
        method,
        path,
        ...(query ? { query } : {}),
        token,
        ...(headers ? { headers } : {}),
        body,
        globalRequestId,
        ...(signal ? { signal } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      });
  }
}

/** The body of a 2xx answer; `alsoDone`: statuses that mean the step's goal already holds (e.g. 404 on a delete). */
export function expectOk(response: ForwardedResponse, step: string, alsoDone: readonly number[] = []): unknown {
  if ((response.status >= 200 && response.status < 300) || alsoDone.includes(response.status)) return response.body ?? {};
  throw new PodPushRefusedError(response.status, step, openStackErrorMessage(response.body));
}

/**
 * Brings a pod's extra specs in line with `wanted` through `<path>` (Nova's os-extra_specs, Cinder's
 * extra_specs: the same shapes): one POST of what differs, one DELETE per key too many.
 */
export async function syncExtraSpecs(call: PodCall, path: string, wanted: Readonly<Record<string, string>>): Promise<void> {
  const listed = expectOk(await call('GET', path), 'list extra specs') as { extra_specs?: Record<string, unknown> };
  const held = listed.extra_specs ?? {};
  const changed = Object.entries(wanted).filter(([key, value]) => !Object.hasOwn(held, key) || String(held[key]) !== value);
  if (changed.length > 0) {
    expectOk(await call('POST', path, { extra_specs: Object.fromEntries(changed) }), 'set extra specs');
  }
  for (const key of Object.keys(held).filter((key) => !Object.hasOwn(wanted, key))) {
    expectOk(await call('DELETE', `${path}/${encodeURIComponent(key)}`), `delete extra spec ${key}`, [404]);
  }
}

/** The actions that give and take a project's access to a private flavor or volume type. */
export interface AccessActions {
  readonly add: (project: string) => Record<string, unknown>;
  readonly remove: (project: string) => Record<string, unknown>;
}

/** Brings a private resource's access list in line: `held` as the pod listed it, `<path>/action` per change. */
export async function syncAccess(
  call: PodCall,
  path: string,
  held: ReadonlySet<string>,
  wanted: readonly string[],
  actions: AccessActions,
): Promise<void> {
  for (const project of wanted) {
    if (held.has(project)) continue;
    const step = `add access for ${project}`;
    expectOk(await call('POST', `${path}/action`, actions.add(project)), step, [409]);
  }
  for (const project of held) {
    if (wanted.includes(project)) continue;
    const step = `remove access for ${project}`;
    expectOk(await call('POST', `${path}/action`, actions.remove(project)), step, [404]);
  }
}
