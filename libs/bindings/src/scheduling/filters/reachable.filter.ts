import type { PodFilter } from '../schedulable-pod';

/** Only a poll that failed counts against a pod: one never polled yet (null) is given the benefit of the doubt. */
export const reachableFilter: PodFilter = {
  name: 'ReachableFilter',
  passes: (pod) => pod.usage?.reachable !== false,
};
