import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { BindingView } from '../../queries/bindings/binding.view';

/** An admin ends a binding; it is kept, with its end, for history and `as_of` queries. */
export class EndBindingCommand extends Command<BindingView> {
  constructor(
    readonly bindingId: string,
    readonly reason: string | undefined,
    readonly context: RequestContext,
  ) {
    super();
  }
}
