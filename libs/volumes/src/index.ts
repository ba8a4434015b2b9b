export * from './domain/volume-resource';
export * from './commands/create-volume-resource.command';
export * from './commands/request-volume-action.command';
export * from './commands/delete-volume-resource.command';
export * from './commands/record-volume-resource-gone.command';
export * from './queries/locate-volume-resource.query';
export * from './queries/list-volume-resource-pods.query';
