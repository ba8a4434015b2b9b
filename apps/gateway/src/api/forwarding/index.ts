export * from './caller-forward';
export * from './pod-answer';
export * from './routed-calls';
