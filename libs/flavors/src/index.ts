// Domain
export * from './domain/flavor.decider';
export * from './domain/flavor.errors';
export * from './domain/flavor.events';
export * from './domain/flavor.event-definitions';
export * from './domain/flavor.state';
export * from './domain/flavor.stream';
export * from './domain/flavor.validation';
export * from './domain/flavor-sync.planner';
