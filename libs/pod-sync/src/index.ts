// One mechanism for every resource the gateway defines once and pushes to every pod (flavors,
// volume types): the plan, the reconciler loop with its backoff, the pod calls, the sync read model.
export * from './plan/pod-sync.planner';
export * from './plan/synced-pods';
export * from './push/sync-credentials';
export * from './push/pod-push-refused.error';
export * from './push/pod-sync-client';
export * from './reconciler/sync-backoff';
export * from './reconciler/pod-sync-subject';
export * from './reconciler/pod-sync-reconciler';
export * from './read-model/pod-sync-tables';
export * from './read-model/pod-sync.projection';
export * from './read-model/pod-sync.query';
export * from './writer/resource-writer';
export * from './read-model/defined-resource.projection';
export * from './reconciler/pod-sync-settings';
export * from './testing/pod-sync-test-bed';
