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
  /** When a catalog answer should be asked again (overrides never expire). */
  expiresAt: number;
  /** The last answer, served even once expired until a refresh replaces it. */
  value?: ResolvedEndpoint;
  /** The look-up under way, shared by every caller waiting for a first answer. */
  pending?: Promise<ResolvedEndpoint>;
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

/**
 * Pod endpoints by pod+service, stale-while-revalidate: an expired catalog answer is still served
 * while a background look-up refreshes it, and kept when the look-up fails (retried every
 * `retryMs`), so a Keystone hiccup does not fail every forward. Only a pod never resolved waits.
 */
export class PodEndpointCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly keystone: Pick<KeystoneClient, 'endpointFor'> | undefined,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly retryMs = Math.min(ttlMs, 5000),
  ) {}

  /** The cached endpoint synchronously when known (the hot path), else a promise of it. */
  resolve(pod: PodEndpointSource & { podId: string }, service: ProxiedService): ResolvedEndpoint | Promise<ResolvedEndpoint> {
    const key = `${pod.podId} ${service}`;
    const override = pod.endpoints[service];
    let entry = this.entries.get(key);
    if (!entry || entry.override !== override) {
      entry = { override, expiresAt: 0 };
      this.entries.set(key, entry);
    }
    if (entry.value) {
      if (!override && !entry.pending && entry.expiresAt <= this.now()) void this.lookUp(key, entry, pod, service);
      return entry.value;
    }
    return entry.pending ?? this.lookUp(key, entry, pod, service);
  }

  private lookUp(key: string, entry: Entry, pod: PodEndpointSource, service: ProxiedService): Promise<ResolvedEndpoint> {
    const pending = this.endpointOf(pod, service).then(parseEndpoint);
    entry.pending = pending;
    pending.then(
      (value) => {
        entry.value = value;
        entry.expiresAt = this.now() + this.ttlMs;
        entry.pending = undefined;
      },
      () => {
        entry.pending = undefined;
        // Keep the last answer and ask again later; with none, forget the entry so the next call asks.
        if (entry.value) entry.expiresAt = this.now() + this.retryMs;
        else if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return pending;
  }

  private async endpointOf(pod: PodEndpointSource, service: ProxiedService): Promise<string> {
    const override = pod.endpoints[service];
    if (override) return override.replace(/\/+$/, '');
    if (!this.keystone) {
      throw new PodUnreachableError(`${pod.name} ${service}`, 'no endpoint override and no Keystone catalog', 'ENOENDPOINT');
    }
    return resolvePodEndpoint(this.keystone, pod, service);
  }
}
