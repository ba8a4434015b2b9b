import type { PodgateConfig } from '@podgate/config';
import type { KeystoneClient } from '@podgate/openstack';
import { keystoneSyncCredentials, type PodSyncCredentials } from '../push/sync-credentials';

/** Each pod call of a push; shorter than a user's forward, since a round waits on it. */
const SYNC_CALL_TIMEOUT_MS = 10_000;

export interface PodSyncSettings {
  /** null in noauth mode (no KeystoneClient): nothing may change pods, the reconciler is off. */
  readonly credentials: PodSyncCredentials | null;
  readonly pusher: { readonly timeoutMs: number };
  readonly reconciler: { readonly intervalMs: number };
}

/** How every subject's pusher and reconciler are set up from the app's config (PODGATE_FLAVOR_SYNC_SECONDS). */
export function podSyncSettings(keystone: KeystoneClient | null, config: PodgateConfig): PodSyncSettings {
  return {
    credentials: keystone ? keystoneSyncCredentials(keystone) : null,
    pusher: { timeoutMs: Math.min(SYNC_CALL_TIMEOUT_MS, config.upstream.timeoutMs) },
    reconciler: { intervalMs: config.compute.flavorSyncSeconds * 1000 },
  };
}

/**
 * A subject's reconciler as the app wires it: its pusher only when podgate has service credentials
 * (`makePusher` gets them and the call timeout), the interval from the config.
 */
export function reconcilerFromSettings<P, R>(
  keystone: KeystoneClient | null,
  config: PodgateConfig,
  makePusher: (credentials: PodSyncCredentials, options: PodSyncSettings['pusher']) => P,
  makeReconciler: (pusher: P | null, options: PodSyncSettings['reconciler']) => R,
): R {
  const settings = podSyncSettings(keystone, config);
  return makeReconciler(settings.credentials ? makePusher(settings.credentials, settings.pusher) : null, settings.reconciler);
}
