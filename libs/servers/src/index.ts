export * from './domain/server.decider';
export * from './domain/server.errors';
export * from './domain/server.events';
export * from './domain/server.event-definitions';
export * from './domain/server-request-summary';
export * from './domain/server.state';
export * from './domain/server.stream';
