export * from './api-version';
export * from './forwarded-version';
export * from './microversion-headers';
export * from './microversion-hook';
export * from './microversion.errors';
export * from './negotiate-microversion';
export * from './request-version';
export * from './microversion-hook.provider';
