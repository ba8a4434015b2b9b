import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@podgate/kernel';
import { findPod, PodNotFoundError } from '@podgate/pods';
import { PodNotBindableError } from '../../domain/binding.errors';
import type { BindingKey } from '../../domain/binding.events';
import { bindingKeyId } from '../../domain/binding.stream';
import type { BindingView } from '../../queries/bindings/binding.view';
import { BindingWriter } from '../binding-writer';
import { PinTenantCommand } from './pin-tenant.command';
import { pinRefusal } from './pin-tenant.filters';

/**
 * The pod must exist, be active, and pass SelectPod's filters on its AZ, affinity tag and
 * maintenance (pin-tenant.filters.ts), or the tenant's next SelectPod would undo the pin. Pinning to
 * the pod already bound records nothing and answers with the binding in force. A pin is not
 * permanent: a pod full or unreachable now is accepted, but whenever the pod cannot take work at
 * the tenant's next create (drained, full, unreachable), SelectPod rebalances the tenant like any other.
 */
@CommandHandler(PinTenantCommand)
export class PinTenantHandler implements ICommandHandler<PinTenantCommand> {
  constructor(private readonly writer: BindingWriter) {}

  async execute(command: PinTenantCommand): Promise<BindingView> {
    const pod = await findPod(this.writer.sql, command.podId);
    if (!pod) throw new PodNotFoundError(command.podId);
    if (pod.status !== 'active') throw new PodNotBindableError(pod.podId, pod.status);
    const refusal = pinRefusal(pod, command);
    if (refusal) throw refusal;

    const key: BindingKey = { projectId: command.projectId, azName: command.azName, affinityTag: command.affinityTag };
    const keyId = bindingKeyId(key);
    const bindingId = newId();
    const decision = await this.writer.decide(
      keyId,
      (now) => ({ type: 'BindTenant', key, bindingId, podId: pod.podId, reason: 'admin-pin', now }),
      command.context,
    );
    return this.writer.viewAfter(keyId, decision, decision.state.active?.bindingId ?? bindingId);
  }
}
