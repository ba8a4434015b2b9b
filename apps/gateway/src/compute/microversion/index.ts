export * from './api-version';
export * from './microversion-headers';
export * from './microversion.errors';
export * from './negotiate-microversion';
export * from './request-version';
