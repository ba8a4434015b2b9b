import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { PodProfile } from '../../domain/pod.events';
import type { PodView } from '../../queries/pods/pod-view';

export interface UpdatePodInput {
  readonly podId: string;
  /** Only the fields given change; undefined means "leave as is", affinityTag null clears the tag. */
  readonly changes?: Partial<PodProfile>;
  /** true: start maintenance (drain), false: end it; undefined: leave as is. */
  readonly maintenance?: boolean;
  /** Recorded when maintenance starts. */
  readonly maintenanceReason?: string;
}

export class UpdatePodCommand extends Command<PodView> {
  constructor(
    readonly update: UpdatePodInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}
