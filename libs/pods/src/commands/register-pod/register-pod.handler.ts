import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { podIdFor } from '../../domain/pod.stream';
import type { PodView } from '../../queries/pods/pod-view';
import { PodWriter } from '../pod-writer';
import { DEFAULT_CAPACITY_THRESHOLD, RegisterPodCommand } from './register-pod.command';

@CommandHandler(RegisterPodCommand)
export class RegisterPodHandler implements ICommandHandler<RegisterPodCommand> {
  constructor(private readonly writer: PodWriter) {}

  execute({ pod, context }: RegisterPodCommand): Promise<PodView> {
    const profile = {
      azName: pod.azName,
      podAzName: pod.podAzName ?? '',
      dcName: pod.dcName ?? '',
      affinityTag: pod.affinityTag ?? null,
      capacityThreshold: pod.capacityThreshold ?? DEFAULT_CAPACITY_THRESHOLD,
      endpoints: { ...pod.endpoints },
    };
    return this.writer.decidePod({ type: 'RegisterPod', podId: podIdFor(pod.name), name: pod.name, profile }, context);
  }
}
