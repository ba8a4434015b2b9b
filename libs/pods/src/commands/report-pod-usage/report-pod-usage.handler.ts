import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { podUsageDecider, type ReportPodUsage } from '../../domain/pod-usage.decider';
import { podUsageStream } from '../../domain/pod.stream';
import type { PodView } from '../../queries/pods/pod-view';
import { PodWriter } from '../pod-writer';
import { ReportPodUsageCommand } from './report-pod-usage.command';

/** Only for registered pods: a usage stream is never started for a pod rm_pods has no row for. */
@CommandHandler(ReportPodUsageCommand)
export class ReportPodUsageHandler implements ICommandHandler<ReportPodUsageCommand> {
  constructor(private readonly writer: PodWriter) {}

  execute({ report, context }: ReportPodUsageCommand): Promise<PodView> {
    const reportedAt = this.writer.clock.now().toISOString();
    const command: ReportPodUsage = report.reachable
      ? { type: 'ReportPodUsage', podId: report.podId, reportedAt, reachable: true, usage: report.usage }
      : { type: 'ReportPodUsage', podId: report.podId, reportedAt, reachable: false, error: report.error };
    return this.writer.decideOnPodStream(report.podId, podUsageStream(report.podId), podUsageDecider, command, context);
  }
}
