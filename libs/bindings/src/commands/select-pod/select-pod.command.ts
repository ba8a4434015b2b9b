import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { PodView } from '@podgate/pods';
import type { BindingView } from '../../queries/bindings/binding.view';

export interface SelectPodResult {
  readonly pod: PodView;
  readonly binding: BindingView;
  /** True only for the one request that appended the binding it answers with. */
  readonly created: boolean;
}

/**
 * Where a tenant's work in an AZ (and affinity group) goes: the servers and volumes slices ask this
 * on every create. `affinityTag` comes from the flavor's or volume type's extra spec, null if none.
 */
export class SelectPodCommand extends Command<SelectPodResult> {
  constructor(
    readonly projectId: string,
    readonly azName: string,
    readonly affinityTag: string | null,
    readonly context: RequestContext,
  ) {
    super();
  }
}
