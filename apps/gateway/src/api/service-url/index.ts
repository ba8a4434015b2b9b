export * from './public-url';
export * from './service-url';
export * from './service-url.errors';
