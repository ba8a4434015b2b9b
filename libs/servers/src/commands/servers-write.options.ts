import { resolveRoutedWriteOptions, type RoutedWriteOptions } from '@podgate/routed-resources';

/** Optional tuning of the servers slice (clock, delete and create confirmation, read-your-writes, caches). */
export type ServersWriteOptions = RoutedWriteOptions;

export const SERVERS_WRITE_OPTIONS = Symbol('SERVERS_WRITE_OPTIONS');

export const resolveServersWriteOptions = resolveRoutedWriteOptions;
