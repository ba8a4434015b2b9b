import { type SchedulablePod, usedFraction } from '../schedulable-pod';

/** Free share of capacity (0..1), already on a common scale, so not normalised further. */
export const freeCapacityWeights = (pods: readonly SchedulablePod[]): number[] => pods.map((pod) => 1 - usedFraction(pod));
