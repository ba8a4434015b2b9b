import {
  expectOk,
  type PodCall,
  PodSyncClient,
  type PodSyncCredentials,
  type PodSyncPod,
  type PodSyncTransport,
  syncAccess,
  syncExtraSpecs,
} from '@podgate/pod-sync';
import type { LiveFlavor } from '../domain/flavor.state';
import { type PodFlavorBody, podDefinitionDiffers, podFlavorBody } from './pod-flavor-body';

/** 2.55 shows and takes `description`; every Nova podgate fronts has it (podgate itself needs 2.55+ pods for flavors). */
export const FLAVOR_SYNC_MICROVERSION = '2.55';

const TENANT_ACCESS = {
  add: (tenant: string) => ({ addTenantAccess: { tenant } }),
  remove: (tenant: string) => ({ removeTenantAccess: { tenant } }),
};

/**
 * Makes one pod hold one flavor exactly as podgate defines it, with the same id: create it when
 * absent, replace it (delete, create) when its definition differs (Nova can change nothing but the
 * description in place), then bring extra specs and, for a private flavor, access in line. Each
 * step is idempotent, so a push that failed halfway is simply done again.
 */
export class FlavorPodPusher {
  private readonly client: PodSyncClient;

  constructor(transport: PodSyncTransport, credentials: PodSyncCredentials, options: { readonly timeoutMs?: number } = {}) {
    this.client = new PodSyncClient(transport, credentials, {
      service: 'compute',
      headers: {
        'OpenStack-API-Version': `compute ${FLAVOR_SYNC_MICROVERSION}`,
        'X-OpenStack-Nova-API-Version': FLAVOR_SYNC_MICROVERSION,
      },
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
  }

  async push(pod: PodSyncPod, flavor: LiveFlavor, globalRequestId: string, signal?: AbortSignal): Promise<void> {
    const call = await this.client.open(pod, globalRequestId, signal);
    const path = `/flavors/${encodeURIComponent(flavor.flavorId)}`;
    const shown = await call('GET', path);
    if (shown.status === 404) {
      await this.create(call, flavor);
    } else {
      const held = expectOk(shown, 'show flavor') as { flavor?: PodFlavorBody };
      const differs = podDefinitionDiffers(held.flavor, flavor.definition);
      if (differs === 'definition') {
        expectOk(await call('DELETE', path), 'replace flavor (delete)', [404]);
        await this.create(call, flavor);
      } else if (differs === 'description') {
        const body = { flavor: { description: flavor.definition.description } };
        expectOk(await call('PUT', path, body), 'update description');
      }
    }
    await syncExtraSpecs(call, `${path}/os-extra_specs`, flavor.extraSpecs);
    if (!flavor.definition.isPublic) {
      const listed = expectOk(await call('GET', `${path}/os-flavor-access`), 'list access') as {
        flavor_access?: { tenant_id?: unknown }[];
      };
      const held = new Set((listed.flavor_access ?? []).map((entry) => String(entry.tenant_id)));
      await syncAccess(call, path, held, flavor.projects, TENANT_ACCESS);
    }
  }

  /** Removes a deleted flavor; absent already counts as done. */
  async remove(pod: PodSyncPod, flavorId: string, globalRequestId: string, signal?: AbortSignal): Promise<void> {
    const call = await this.client.open(pod, globalRequestId, signal);
    expectOk(await call('DELETE', `/flavors/${encodeURIComponent(flavorId)}`), 'delete flavor', [404]);
  }

  private async create(call: PodCall, flavor: LiveFlavor): Promise<void> {
    expectOk(await call('POST', '/flavors', { flavor: podFlavorBody(flavor) }), 'create flavor');
  }
}
