import { Inject, Injectable } from '@nestjs/common';
import { PODGATE_CONFIG, type PodgateConfig } from '@podgate/config';
import type { RequestContext } from '@podgate/kernel';
import { PodProxy, type ForwardRequest } from '@podgate/openstack';
import { podAnswer, type PodAnswer } from '../../../api/forwarding/pod-answer';
import type { ApiLinkBase } from '../../../api/links';
import { atLeast, type ApiVersion } from '../../../api/microversion';
import { CinderLister } from '../../listing/cinder-lister';
import { mergeVolumeSummaries } from './volume-summary.merge';

export interface VolumeSummaryRequest {
  readonly version: ApiVersion;
  /** all_tenants asked, as the volume list reads it (callers without volume:all_tenants get their own). */
  readonly allTenants: boolean;
  readonly context: RequestContext;
  /** The caller's GET /volumes/summary as forwarded (token, version headers, query), minus the pod. */
  readonly forward: Omit<ForwardRequest, 'pod' | 'projectId' | 'service'>;
  readonly linkBase: ApiLinkBase;
}

/**
 * GET /volumes/summary (3.12+) over the pods a volume list asks: each pod's summary, summed
 * (mergeVolumeSummaries). Every pod must answer: a down or failing pod makes the whole summary
 * podgate's 503 naming it, since a total without one pod's volumes would be a wrong number that
 * looks right (a list can leave a pod out and still be honest about the items it shows; a sum
 * cannot). A pod's own refusal (4xx) is the answer, in its words.
 */
@Injectable()
export class VolumeSummaries {
  constructor(
    private readonly lister: CinderLister,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
    @Inject(PODGATE_CONFIG) private readonly config: Pick<PodgateConfig, 'upstream'>,
  ) {}

  async summary(request: VolumeSummaryRequest): Promise<PodAnswer> {
    const { pods } = await this.lister.podsToAsk('volume', request.allTenants, request.context);
    const links = { base: request.linkBase, podProjectId: request.context.caller.projectId };
    const answers = await Promise.all(
      pods.map(async (pod) => {
        const response = await this.proxy.forward({
          ...request.forward,
          pod,
          projectId: request.context.caller.projectId,
          service: 'volume',
          timeoutMs: this.config.upstream.listTimeoutMs,
        });
        // A 5xx throws podgate's 503 for the pod (podAnswer).
        return podAnswer(response, pod.name, links);
      }),
    );
    const refused = answers.find((answer) => answer.status >= 300);
    if (refused) return refused;
    const body = mergeVolumeSummaries(
      answers.map((answer) => answer.body),
      atLeast(request.version, '3.36'),
    );
    return { status: 200, body };
  }
}
