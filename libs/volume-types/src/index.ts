// Read side first: what the volume API builds against (findVolumeTypeForCreate: the volume create).
export * from './queries/volume-type-for-create';
export * from './queries/pod-volume-type-ids';
export * from './queries/volume-type-view';
export * from './queries/find-volume-type.query';
export * from './queries/volume-types-query.handlers';
export * from './projections/volume-types/volume-types.projection';
export * from './projections/volume-types/volume-types.schema';
// Domain
export * from './domain/default-volume-type';
export * from './domain/volume-type.decider';
export * from './domain/volume-type.errors';
export * from './domain/volume-type.events';
export * from './domain/volume-type.event-definitions';
export * from './domain/volume-type.state';
export * from './domain/volume-type.stream';
// Commands
export * from './commands/volume-type-writer';
export * from './commands/default-volume-type.seeder';
export * from './commands/define-volume-type/define-volume-type.command';
export * from './commands/define-volume-type/define-volume-type.handler';
export * from './commands/update-volume-type/update-volume-type.command';
export * from './commands/update-volume-type/update-volume-type.handler';
export * from './commands/change-volume-type/change-volume-type.command';
export * from './commands/change-volume-type/change-volume-type.handler';
// Sync to pods and the Nest module
export * from './sync/volume-type-pod-pusher';
export * from './sync/volume-type-reconciler';
export * from './volume-types.module';
