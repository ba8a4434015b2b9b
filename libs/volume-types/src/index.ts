export * from './queries/volume-type-for-create';
