// Where to send a pod call, resolved once per pod+service: the catalog look-up may call Keystone,
// and the forwarding hot path must not pay for it (nor for URL parsing) on every request.
import type { KeystoneClient } from '../keystone/keystone-client';
import { type PodEndpointSource, resolvePodEndpoint } from '../keystone/pod-endpoint-resolver';
import { PodUnreachableError } from '../pod-http/pod-http.errors';

export type ProxiedService = 'compute' | 'volume';

/** A pod endpoint split once into what http.request needs. */
export interface ResolvedEndpoint {
  readonly origin: string;
  readonly secure: boolean;
  readonly hostname: string;
  readonly port: number;
  /** The path part, possibly a `%(project_id)s` template; no trailing slash. */
  readonly pathTemplate: string;
  readonly templated: boolean;
}

interface Entry {
  /** The pod's explicit override when resolved: an admin changing it invalidates the entry. */
  readonly override: string | null | undefined;
  readonly expiresAt: number;
  value?: ResolvedEndpoint;
  readonly pending: Promise<ResolvedEndpoint>;
}

const TEMPLATE = /%\(project_id\)s|\$\(project_id\)s|%\(tenant_id\)s|\$\(tenant_id\)s/;

export function parseEndpoint(url: string): ResolvedEndpoint {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'https:';
  // URL() percent-encodes `%(` in paths, so the path comes from the original text.
  const pathTemplate = (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url)?.[1] ?? '').replace(/\/+$/, '');
  return {
    origin: parsed.origin,
    secure,
    hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : secure ? 443 : 80,
    pathTemplate,
    templated: TEMPLATE.test(pathTemplate),
  };
}

export class PodEndpointCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly keystone: Pick<KeystoneClient, 'endpointFor'> | undefined,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached endpoint synchronously when known (the hot path), else a promise of it. */
  resolve(pod: PodEndpointSource & { podId: string }, service: ProxiedService): ResolvedEndpoint | Promise<ResolvedEndpoint> {
    const key = `${pod.podId} ${service}`;
    const override = pod.endpoints[service];
    const entry = this.entries.get(key);
    if (entry && entry.override === override && (override || entry.expiresAt > this.now())) return entry.value ?? entry.pending;
    const pending = this.lookUp(pod, service).then(parseEndpoint);
    const fresh: Entry = { override, expiresAt: this.now() + this.ttlMs, pending };
    this.entries.set(key, fresh);
    pending.then(
      (value) => void (fresh.value = value),
      // A failed look-up is not remembered: the next call asks again.
      () => this.entries.get(key) === fresh && this.entries.delete(key),
    );
    return pending;
  }

  private async lookUp(pod: PodEndpointSource, service: ProxiedService): Promise<string> {
    const override = pod.endpoints[service];
    if (override) return override.replace(/\/+$/, '');
    if (!this.keystone) {
      throw new PodUnreachableError(`${pod.name} ${service}`, 'no endpoint override and no Keystone catalog', 'ENOENDPOINT');
    }
    return resolvePodEndpoint(this.keystone, pod, service);
  }
}
