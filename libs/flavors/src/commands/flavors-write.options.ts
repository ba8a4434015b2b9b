import type { ResourceWriteOptions } from '@podgate/pod-sync';

/** Optional tuning of the flavor command handlers; tests set a fixed clock and a short read-your-writes wait. */
export type FlavorsWriteOptions = ResourceWriteOptions;

export const FLAVORS_WRITE_OPTIONS = Symbol('FLAVORS_WRITE_OPTIONS');
