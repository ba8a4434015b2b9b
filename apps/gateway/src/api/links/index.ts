export * from './api-link-base';
export * from './client-links';
export * from './next-link';
