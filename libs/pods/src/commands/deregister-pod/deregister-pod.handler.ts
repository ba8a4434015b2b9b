import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PodView } from '../../queries/pods/pod-view';
import { PodWriter } from '../pod-writer';
import { DeregisterPodCommand } from './deregister-pod.command';
import { POD_USE_COUNTER, type PodUseCounter } from './pod-use-counter.port';

/**
 * The counts come from read models, so a binding made in the instant between counting and
 * appending is not seen; selectPod only binds active pods, so such a binding ends up on a
 * deregistered pod at worst, and an admin sees it in the bindings list.
 */
@CommandHandler(DeregisterPodCommand)
export class DeregisterPodHandler implements ICommandHandler<DeregisterPodCommand> {
  constructor(
    private readonly writer: PodWriter,
    @Inject(POD_USE_COUNTER) private readonly counter: PodUseCounter,
  ) {}

  async execute({ deregistration, context }: DeregisterPodCommand): Promise<PodView> {
    const { podId } = deregistration;
    const [activeBindings, routedResources] = await Promise.all([
      this.counter.activeBindings(podId),
      this.counter.routedResources(podId),
    ]);
    return this.writer.decidePod(
      {
        type: 'DeregisterPod',
        podId,
        force: deregistration.force ?? false,
        reason: deregistration.reason ?? '',
        activeBindings,
        routedResources,
      },
      context,
    );
  }
}
