export * from './migrations';
export * from './pg-pool-client';
export * from './pglite-client';
export * from './sql-client';
export * from './sql-errors';
