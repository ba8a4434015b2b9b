export * from './admin-policy.defaults';
export * from './policy.decorator';
export * from './policy.errors';
export * from './policy-enforcer';
export * from './policy-file';
export * from './policy-language';
export * from './policy-rules';
export * from './policy-usage.check';
