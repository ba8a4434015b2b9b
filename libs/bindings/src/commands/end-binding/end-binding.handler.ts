import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BindingNotFoundError } from '../../domain/binding.errors';
import { bindingKeyId } from '../../domain/binding.stream';
import { findBinding } from '../../queries/bindings/binding.queries';
import type { BindingView } from '../../queries/bindings/binding.view';
import { BindingWriter } from '../binding-writer';
import { EndBindingCommand } from './end-binding.command';

export const DEFAULT_END_REASON = 'ended-by-admin';

/**
 * The read model names the binding's key (so its stream); the decision is taken on the stream.
 * Ending a binding that has already ended records nothing and answers with it as it ended.
 */
@CommandHandler(EndBindingCommand)
export class EndBindingHandler implements ICommandHandler<EndBindingCommand> {
  constructor(private readonly writer: BindingWriter) {}

  async execute(command: EndBindingCommand): Promise<BindingView> {
    const binding = await findBinding(this.writer.sql, command.bindingId);
    if (!binding) throw new BindingNotFoundError(command.bindingId);
    const key = { projectId: binding.projectId, azName: binding.azName, affinityTag: binding.affinityTag };
    const keyId = bindingKeyId(key);
    const reason = command.reason?.trim() || DEFAULT_END_REASON;
    const decision = await this.writer.decide(
      keyId,
      (now) => ({ type: 'EndTenantBinding', key, bindingId: binding.bindingId, reason, now }),
      command.context,
    );
    return this.writer.viewAfter(keyId, decision, binding.bindingId);
  }
}
