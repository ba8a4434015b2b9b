import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { PodView } from '../../queries/pods/pod-view';
import { PodWriter } from '../pod-writer';
import { UpdatePodCommand } from './update-pod.command';

/** Profile changes and maintenance on/off are one decision and one append: both happen or neither. */
@CommandHandler(UpdatePodCommand)
export class UpdatePodHandler implements ICommandHandler<UpdatePodCommand> {
  constructor(private readonly writer: PodWriter) {}

  execute({ update, context }: UpdatePodCommand): Promise<PodView> {
    const maintenance =
      update.maintenance === undefined ? undefined : { enabled: update.maintenance, reason: update.maintenanceReason };
    return this.writer.decidePod({ type: 'UpdatePod', podId: update.podId, changes: update.changes ?? {}, maintenance }, context);
  }
}
