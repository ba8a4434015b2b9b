import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { PodUsage } from '../../domain/pod-usage.events';
import type { PodView } from '../../queries/pods/pod-view';

export type PodUsageReport =
  | { readonly podId: string; readonly reachable: true; readonly usage: PodUsage }
  /** SECURITY: `error` is shown to admins and stored; a message, never a token. */
  | { readonly podId: string; readonly reachable: false; readonly error: string };

/** Records the report only if it means a change (see the usage decider); answers with the pod either way. */
export class ReportPodUsageCommand extends Command<PodView> {
  constructor(
    readonly report: PodUsageReport,
    readonly context: RequestContext,
  ) {
    super();
  }
}
