export * from './client-links';
export * from './compute-link-base';
export * from './next-link';
