export * from './data-dir-lock';
export * from './open-runtime';
export * from './projection-supervisor';
export * from './projections';
export * from './logger';
export * from './nest/health/health.module';
export * from './nest/runtime.module';
export * from './nest/runtime.tokens';
