import type { FilterResult } from '../domain/binding.errors';
import { affinityTagFilter } from './filters/affinity-tag.filter';
import { availabilityZoneFilter } from './filters/availability-zone.filter';
import { capacityFilter } from './filters/capacity.filter';
import { maintenanceFilter } from './filters/maintenance.filter';
import { reachableFilter } from './filters/reachable.filter';
import type { PlacementRequest, PodFilter, SchedulablePod } from './schedulable-pod';
import { fewerBindingsWeights } from './weighers/fewer-bindings.weigher';
import { freeCapacityWeights } from './weighers/free-capacity.weigher';

export const POD_FILTERS: readonly PodFilter[] = [
  availabilityZoneFilter,
  affinityTagFilter,
  maintenanceFilter,
  capacityFilter,
  reachableFilter,
];

/** config.scheduling.weighers: how much each weigher counts. */
export interface WeigherMultipliers {
  readonly freeCapacity: number;
  readonly fewerBindings: number;
}

export interface PodSchedule<P extends SchedulablePod> {
  /** The pods that passed every filter, best first. */
  readonly ranked: P[];
  /** Per filter, how many pods it was given and how many it let through (for NoValidHostError). */
  readonly filterResults: FilterResult[];
}

/** Weights closer than this are a tie (floating-point sums of the same inputs may differ in the last bits). */
const TIE = 1e-9;

/** Nova's filter scheduler in miniature: filters in a fixed order, then weighers, then registration order. */
export function schedulePods<P extends SchedulablePod>(
  pods: readonly P[],
  request: PlacementRequest,
  activeBindings: ReadonlyMap<string, number>,
  multipliers: WeigherMultipliers,
): PodSchedule<P> {
  const filterResults: FilterResult[] = [];
  let remaining = [...pods];
  for (const filter of POD_FILTERS) {
    const passed = remaining.filter((pod) => filter.passes(pod, request));
    filterResults.push({ filter: filter.name, start: remaining.length, end: passed.length });
    remaining = passed;
  }
  return { ranked: rankPods(remaining, activeBindings, multipliers), filterResults };
}

export function rankPods<P extends SchedulablePod>(
  pods: readonly P[],
  activeBindings: ReadonlyMap<string, number>,
  multipliers: WeigherMultipliers,
): P[] {
  if (pods.length === 0) return [];
  const free = freeCapacityWeights(pods);
  const fewer = fewerBindingsWeights(pods.map((pod) => activeBindings.get(pod.podId) ?? 0));
  const weighed = pods.map((pod, i) => ({
    pod,
    weight: free[i] * multipliers.freeCapacity + fewer[i] * multipliers.fewerBindings,
  }));
  weighed.sort((a, b) => {
    if (Math.abs(a.weight - b.weight) > TIE) return b.weight - a.weight;
    const seqA = BigInt(a.pod.registrationSeq);
    const seqB = BigInt(b.pod.registrationSeq);
    if (seqA !== seqB) return seqA < seqB ? -1 : 1;
    return a.pod.podId < b.pod.podId ? -1 : a.pod.podId > b.pod.podId ? 1 : 0;
  });
  return weighed.map((w) => w.pod);
}
