import { resolveRoutedWriteOptions, type RoutedWriteOptions } from '@podgate/routed-resources';

/** Optional tuning of the volumes slice (clock, delete and create confirmation, read-your-writes, caches); tests set short intervals. */
export type VolumesWriteOptions = RoutedWriteOptions;

export const VOLUMES_WRITE_OPTIONS = Symbol('VOLUMES_WRITE_OPTIONS');

export const resolveVolumesWriteOptions = resolveRoutedWriteOptions;
