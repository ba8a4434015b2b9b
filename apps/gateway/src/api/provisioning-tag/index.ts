export * from './provisioning-tag.errors';
export * from './provisioning-tag-keeper';
export * from './tagged-metadata';
