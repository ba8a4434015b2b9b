export * from './domain/pod.decider';
export * from './domain/pod.errors';
export * from './domain/pod.events';
