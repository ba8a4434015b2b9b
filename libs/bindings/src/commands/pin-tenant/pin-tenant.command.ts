import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { BindingView } from '../../queries/bindings/binding.view';

/** An admin binds a tenant's (AZ, affinity group) to a pod, ending the binding it had. */
export class PinTenantCommand extends Command<BindingView> {
  constructor(
    readonly projectId: string,
    readonly azName: string,
    readonly affinityTag: string | null,
    readonly podId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}
