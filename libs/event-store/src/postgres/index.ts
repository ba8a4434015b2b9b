export * from './create-postgres-event-store';
export * from './event-store.schema';
export * from './postgres-event-store';
