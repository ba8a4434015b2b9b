import { type PodFilter, usedFraction } from '../schedulable-pod';

/** Below the pod's own threshold, strictly: a pod exactly at its threshold is full. */
export const capacityFilter: PodFilter = {
  name: 'CapacityFilter',
  passes: (pod) => usedFraction(pod) < pod.capacityThreshold,
};
