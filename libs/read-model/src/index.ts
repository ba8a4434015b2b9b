export * from './checkpoints/checkpoint.store';
export * from './checkpoints/wait-for-checkpoint';
export * from './projections/apply-batch';
export * from './projections/consume-in-batches';
export * from './projections/projection';
export * from './projections/projection-runner';
export * from './projections/rebuild-projection';
export * from './read-model.migrations';
