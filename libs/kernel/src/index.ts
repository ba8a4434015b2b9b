export * from './actor';
export * from './clock';
export * from './domain-error';
export * from './event-metadata';
export * from './ids';
export * from './pagination.errors';
export * from './decider';
export * from './request-context';
