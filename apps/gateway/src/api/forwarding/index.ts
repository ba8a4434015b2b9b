export * from './caller-forward';
export * from './pod-answer';
