import type { PodUsage } from '../domain/pod-usage.events';
import type { PodView } from '../queries/pods/pod-view';

/**
 * Reads a pod's aggregate capacity. Resolves with the figures, or rejects: with CapacityNotReadError
 * when the failure says nothing about the pod (identity service down, our credentials refused),
 * with any other error when the pod cannot be used (unreachable, failing, no compute endpoint).
 */
export interface PodCapacityReader {
  read(pod: PodView, options?: { readonly globalRequestId?: string }): Promise<PodUsage>;
}

export const POD_CAPACITY_READER = Symbol('POD_CAPACITY_READER');

/** The reader could not ask the pod; the collector records nothing rather than blame the pod. */
export class CapacityNotReadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CapacityNotReadError';
  }
}
