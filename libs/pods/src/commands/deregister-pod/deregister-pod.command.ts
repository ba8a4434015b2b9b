import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { PodView } from '../../queries/pods/pod-view';

export interface DeregisterPodInput {
  readonly podId: string;
  /** Deregister even while tenants are bound to the pod or resources are routed to it. */
  readonly force?: boolean;
  readonly reason?: string;
}

/** Answers with the pod as it is now: status 'deregistered'. */
export class DeregisterPodCommand extends Command<PodView> {
  constructor(
    readonly deregistration: DeregisterPodInput,
    readonly context: RequestContext,
  ) {
    super();
  }
}
