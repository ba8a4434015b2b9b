// Read side first: what other slices (bindings) build against.
export * from './queries/pods/pod-view';
export * from './queries/pods/find-pod.query';
export * from './queries/pods/list-pods.query';
export * from './queries/pods/pods-query.handlers';
export * from './projections/pods/pods.projection';
// Domain
export * from './domain/pod.decider';
export * from './domain/pod.errors';
export * from './domain/pod.events';
export * from './domain/pod.event-definitions';
export * from './domain/pod.stream';
export * from './domain/pod.validation';
export * from './domain/pod-usage.decider';
export * from './domain/pod-usage.events';
export * from './domain/pod-usage.event-definitions';
// Commands
export * from './commands/pods-write.options';
export * from './commands/pod-writer';
export * from './commands/register-pod/register-pod.command';
export * from './commands/register-pod/register-pod.handler';
export * from './commands/update-pod/update-pod.command';
export * from './commands/update-pod/update-pod.handler';
export * from './commands/deregister-pod/pod-use-counter.port';
export * from './commands/deregister-pod/deregister-pod.command';
export * from './commands/deregister-pod/deregister-pod.handler';
export * from './commands/report-pod-usage/report-pod-usage.command';
export * from './commands/report-pod-usage/report-pod-usage.handler';
// Usage collector and the Nest module
export * from './usage/pod-capacity-reader.port';
export * from './usage/keystone-pod-capacity-reader';
export * from './usage/usage-collector';
export * from './pods.module';
