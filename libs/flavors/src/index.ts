// Read side first: what other slices (the servers API) build against.
export * from './queries/flavors/flavor-view';
export * from './queries/flavors/find-flavor.query';
export * from './queries/flavors/list-flavors.query';
export * from './queries/flavors/flavor-sync.query';
export * from './projections/flavors/flavors.projection';
// Domain
export * from './domain/flavor.decider';
export * from './domain/flavor.errors';
export * from './domain/flavor.events';
export * from './domain/flavor.event-definitions';
export * from './domain/flavor.state';
export * from './domain/flavor.stream';
export * from './domain/flavor.validation';
export * from './domain/flavor-sync.planner';
// Commands
export * from './commands/flavors-write.options';
export * from './commands/flavor-writer';
export * from './commands/define-flavor/define-flavor.command';
export * from './commands/define-flavor/define-flavor.handler';
export * from './commands/delete-flavor/delete-flavor.command';
export * from './commands/delete-flavor/delete-flavor.handler';
export * from './commands/update-flavor-description/update-flavor-description.command';
export * from './commands/update-flavor-description/update-flavor-description.handler';
export * from './commands/set-flavor-extra-specs/set-flavor-extra-specs.command';
export * from './commands/set-flavor-extra-specs/set-flavor-extra-specs.handler';
export * from './commands/delete-flavor-extra-spec/delete-flavor-extra-spec.command';
export * from './commands/delete-flavor-extra-spec/delete-flavor-extra-spec.handler';
export * from './commands/add-flavor-access/add-flavor-access.command';
export * from './commands/add-flavor-access/add-flavor-access.handler';
export * from './commands/remove-flavor-access/remove-flavor-access.command';
export * from './commands/remove-flavor-access/remove-flavor-access.handler';
export * from './queries/flavors/flavors-query.handlers';
// Sync to pods and the Nest module
export * from './sync/flavor-pod-pusher';
export * from './sync/flavor-reconciler';
export * from './flavors.module';
