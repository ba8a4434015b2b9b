import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { PodEndpoints } from '../../domain/pod.events';
import type { PodView } from '../../queries/pods/pod-view';

export const DEFAULT_CAPACITY_THRESHOLD = 0.9;

export interface RegisterPodInput {
  /** The pod's Keystone region id; the pod id is derived from it (podIdFor). */
  readonly name: string;
  readonly azName: string;
  /** The AZ inside the pod; '' (the default) lets the pod choose. */
  readonly podAzName?: string;
  readonly dcName?: string;
  readonly affinityTag?: string | null;
  /** Default 0.9. */
  readonly capacityThreshold?: number;
  readonly endpoints?: PodEndpoints;
}

export class RegisterPodCommand extends Command<PodView> {
  constructor(
    readonly pod: RegisterPodInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}
