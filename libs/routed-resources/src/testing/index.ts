export * from './pod-test-bed';
export * from './test-runtime.module';
export * from './pod-transport';
