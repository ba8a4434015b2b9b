import type { PodFilter } from '../schedulable-pod';

/**
 * Strict both ways: an untagged request goes only to untagged pods, so special-purpose pods (GPU,
 * high-memory) are never filled by ordinary work; a tagged request only to pods with that tag.
 */
export const affinityTagFilter: PodFilter = {
  name: 'AffinityTagFilter',
  passes: (pod, request) => pod.affinityTag === request.affinityTag,
};
