/**
 * What the usage collector learned about a pod's capacity, in stream `podUsage-<podId>`. Recorded
 * only on meaningful change (see pod-usage.decider.ts), so the log does not grow with every poll.
 */
export interface PodUsage {
  readonly vcpus: number;
  readonly vcpusUsed: number;
  readonly memoryMb: number;
  readonly memoryMbUsed: number;
  readonly diskGb: number;
  readonly diskGbUsed: number;
  readonly runningVms: number;
}

export interface PodUsageReportedData {
  readonly podId: string;
  readonly reachable: boolean;
  /** null when the pod could not be reached. */
  readonly usage: PodUsage | null;
  /** The fullest of vCPUs, memory and disk (used / total); null when the pod could not be reached. */
  readonly usedFraction: number | null;
  readonly reportedAt: string;
  /** Why the pod could not be reached. SECURITY: an error message, never a token or a request header. */
  readonly error?: string;
}

export type PodUsageEvent = { readonly type: 'PodUsageReported'; readonly data: PodUsageReportedData };

export const POD_USAGE_EVENT_TYPES: readonly PodUsageEvent['type'][] = ['PodUsageReported'];
