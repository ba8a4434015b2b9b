export * from './event-store.port';
export * from './event-store.errors';
export * from './event-type-registry';
export * from './filter';
export * from './position';
export * from './stream-name';
export * from './postgres';
export * from './esdb';
