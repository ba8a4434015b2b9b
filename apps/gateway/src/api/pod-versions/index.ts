export * from './pod-api-versions';
export * from './pod-version-document';
export * from './pod-version-reader';
