export * from './pod-api-versions';
export * from './pod-version-document';
export * from './pod-version-reader';
export * from './pod-api-versions.provider';
