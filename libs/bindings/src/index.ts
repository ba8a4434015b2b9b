export * from './domain/binding.decider';
export * from './domain/binding.errors';
export * from './domain/binding.events';
