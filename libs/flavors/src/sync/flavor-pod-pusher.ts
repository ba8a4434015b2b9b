import { type ForwardedResponse, type ForwardRequest, openStackErrorMessage } from '@podgate/openstack';
import type { LiveFlavor } from '../domain/flavor.state';
import type { FlavorSyncCredentials } from './flavor-sync-credentials';
import { FlavorPushRefusedError } from './flavor-sync.errors';
import { type PodFlavorBody, podDefinitionDiffers, podFlavorBody } from './pod-flavor-body';

/** What the pusher needs of PodProxy. */
export interface FlavorSyncTransport {
  forward(request: ForwardRequest): Promise<ForwardedResponse>;
}

/** A pod as the pusher sees it: structurally a PodView of @podgate/pods. */
export type FlavorSyncPod = ForwardRequest['pod'];

/** 2.55 shows and takes `description`; every Nova podgate fronts has it (podgate itself needs 2.55+ pods for flavors). */
export const FLAVOR_SYNC_MICROVERSION = '2.55';

type Call = (method: string, path: string, step: string, body?: unknown) => Promise<ForwardedResponse>;

/**
 * Makes one pod hold one flavor exactly as podgate defines it, with the same id: create it when
 * absent, replace it (delete, create) when its definition differs (Nova can change nothing but the
 * description in place), then bring extra specs and, for a private flavor, access in line. Each
 * step is idempotent, so a push that failed halfway is simply done again.
 */
export class FlavorPodPusher {
  constructor(
    private readonly transport: FlavorSyncTransport,
    private readonly credentials: FlavorSyncCredentials,
    private readonly options: { readonly timeoutMs?: number } = {},
  ) {}

  async push(pod: FlavorSyncPod, flavor: LiveFlavor, globalRequestId: string, signal?: AbortSignal): Promise<void> {
    const call = await this.caller(pod, globalRequestId, signal);
    const path = `/flavors/${encodeURIComponent(flavor.flavorId)}`;
    const shown = await call('GET', path, 'show flavor');
    if (shown.status === 404) {
      await this.create(call, flavor);
    } else {
      const held = expectOk(shown, 'show flavor') as { flavor?: PodFlavorBody };
      const differs = podDefinitionDiffers(held.flavor, flavor.definition);
      if (differs === 'definition') {
        expectOk(await call('DELETE', path, 'replace flavor (delete)'), 'replace flavor (delete)', [404]);
        await this.create(call, flavor);
      } else if (differs === 'description') {
        const body = { flavor: { description: flavor.definition.description } };
        expectOk(await call('PUT', path, 'update description', body), 'update description');
      }
    }
    await this.syncExtraSpecs(call, path, flavor);
    if (!flavor.definition.isPublic) await this.syncAccess(call, path, flavor);
  }

  /** Removes a deleted flavor; absent already counts as done. */
  async remove(pod: FlavorSyncPod, flavorId: string, globalRequestId: string, signal?: AbortSignal): Promise<void> {
    const call = await this.caller(pod, globalRequestId, signal);
    expectOk(await call('DELETE', `/flavors/${encodeURIComponent(flavorId)}`, 'delete flavor'), 'delete flavor', [404]);
  }

  private async create(call: Call, flavor: LiveFlavor): Promise<void> {
    expectOk(await call('POST', '/flavors', 'create flavor', { flavor: podFlavorBody(flavor) }), 'create flavor');
  }

  private async syncExtraSpecs(call: Call, path: string, flavor: LiveFlavor): Promise<void> {
    const listed = expectOk(await call('GET', `${path}/os-extra_specs`, 'list extra specs'), 'list extra specs') as {
      extra_specs?: Record<string, unknown>;
    };
    const held = listed.extra_specs ?? {};
    const wanted = flavor.extraSpecs;
    const changed = Object.entries(wanted).filter(([key, value]) => !Object.hasOwn(held, key) || String(held[key]) !== value);
    if (changed.length > 0) {
      const body = { extra_specs: Object.fromEntries(changed) };
      expectOk(await call('POST', `${path}/os-extra_specs`, 'set extra specs', body), 'set extra specs');
    }
    for (const key of Object.keys(held).filter((key) => !Object.hasOwn(wanted, key))) {
      const step = `delete extra spec ${key}`;
      expectOk(await call('DELETE', `${path}/os-extra_specs/${encodeURIComponent(key)}`, step), step, [404]);
    }
  }

  private async syncAccess(call: Call, path: string, flavor: LiveFlavor): Promise<void> {
    const listed = expectOk(await call('GET', `${path}/os-flavor-access`, 'list access'), 'list access') as {
      flavor_access?: { tenant_id?: unknown }[];
    };
    const held = new Set((listed.flavor_access ?? []).map((entry) => String(entry.tenant_id)));
    const wanted = new Set(flavor.projects);
    for (const tenant of wanted) {
      if (held.has(tenant)) continue;
      const step = `add access for ${tenant}`;
      expectOk(await call('POST', `${path}/action`, step, { addTenantAccess: { tenant } }), step, [409]);
    }
    for (const tenant of held) {
      if (wanted.has(tenant)) continue;
      const step = `remove access for ${tenant}`;
      expectOk(await call('POST', `${path}/action`, step, { removeTenantAccess: { tenant } }), step, [404]);
    }
  }

  private async caller(pod: FlavorSyncPod, globalRequestId: string, signal?: AbortSignal): Promise<Call> {
    const { token, projectId } = await this.credentials.session();
    const headers = {
      'OpenStack-API-Version': `compute ${FLAVOR_SYNC_MICROVERSION}`,
      'X-OpenStack-Nova-API-Version': FLAVOR_SYNC_MICROVERSION,
    };
    return (method, path, _step, body) =>
      this.transport.forward({
        pod,
        service: 'compute',
        projectId,
        method,
        path,
        token,
        headers,
        body,
        globalRequestId,
        ...(signal ? { signal } : {}),
        ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
      });
  }
}

/** The body of a 2xx answer; `alsoDone`: statuses that mean the step's goal already holds (e.g. 404 on a delete). */
function expectOk(response: ForwardedResponse, step: string, alsoDone: readonly number[] = []): unknown {
  if ((response.status >= 200 && response.status < 300) || alsoDone.includes(response.status)) return response.body ?? {};
  throw new FlavorPushRefusedError(response.status, step, openStackErrorMessage(response.body));
}
