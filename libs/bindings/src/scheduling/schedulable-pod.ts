/**
 * What the scheduler reads of a pod: the part of @podgate/pods' PodView it decides on, so the
 * filters and weighers stay pure and are tested with plain objects.
 */
export interface SchedulablePod {
  readonly podId: string;
  readonly azName: string;
  readonly affinityTag: string | null;
  readonly inMaintenance: boolean;
  /** Share of capacity (0..1) above which the pod takes no new bindings. */
  readonly capacityThreshold: number;
  /** Global commit position of PodRegistered: earlier registration wins a tie. */
  readonly registrationSeq: string | number | bigint;
  /** null until the usage collector first reports. */
  readonly usage: { readonly usedFraction: number | null; readonly reachable: boolean | null } | null;
}

/** What the request asks of a pod. */
export interface PlacementRequest {
  readonly azName: string;
  readonly affinityTag: string | null;
}

/** A pure yes/no on one pod, named as Nova names its host filters in "Filter results". */
export interface PodFilter {
  readonly name: string;
  passes(pod: SchedulablePod, request: PlacementRequest): boolean;
}

/** A pod's used share of capacity; no report yet counts as empty. */
export const usedFraction = (pod: SchedulablePod): number => pod.usage?.usedFraction ?? 0;
