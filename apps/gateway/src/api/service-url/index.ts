export * from './compute-url';
export * from './compute-url.errors';
export * from './public-url';
