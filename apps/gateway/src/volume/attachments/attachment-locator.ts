import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, mapUpstreamFailure, PodProxy, UpstreamError } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { isItemNotFound, tenantScopeOf } from '@podgate/routed-resources';
import { ListVolumeResourcePodsQuery, type VolumeResourceLocation } from '@podgate/volumes';
import type { FastifyRequest } from 'fastify';
import { callerForward } from '../../api/forwarding/caller-forward';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { AttachmentNotFoundError } from './attachment.errors';

/** Where an attachment is: its volume's location, and the pod's answer to GET /attachments/{id}. */
export interface AttachmentLocation {
  readonly volume: VolumeResourceLocation;
  readonly response: ForwardedResponse;
}

type Json = Record<string, unknown>;

/**
 * Finds an attachment's pod. podgate records no route for attachments: an attachment lives with its
 * volume, which is routed, and every change to it is recorded as an action on that volume. By id
 * alone, the pods holding the caller's volumes are asked (in parallel); the one that has it names
 * its volume_id, which must be a volume this caller reaches through podgate.
 * SECURITY: an attachment of a volume the caller cannot locate is "not found", as in Cinder.
 */
@Injectable()
export class AttachmentLocator {
  constructor(
    private readonly queries: QueryBus,
    private readonly calls: VolumeResourceCalls,
    @Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>,
  ) {}

  async locate(request: FastifyRequest, context: RequestContext, id: string): Promise<AttachmentLocation> {
    const scope = tenantScopeOf(context);
    const pods: PodView[] = await this.queries.execute(new ListVolumeResourcePodsQuery('volume', scope));
    const path = `/attachments/${encodeURIComponent(id)}`;
    const forward = callerForward(request, context, { method: 'GET', path, query: '' });
    const answers = await Promise.allSettled(
      pods.map((pod) => this.proxy.forward({ ...forward, pod, projectId: context.caller.projectId, service: 'volume' })),
    );
    const found = answers.findIndex((a) => a.status === 'fulfilled' && a.value.status === 200);
    if (found < 0) throw notFoundUnlessFailed(answers, pods, id);
    const response = (answers[found] as PromiseFulfilledResult<ForwardedResponse>).value;
    const volumeId = ((response.body as Json | undefined)?.attachment as Json | undefined)?.volume_id;
    if (typeof volumeId !== 'string') throw new AttachmentNotFoundError(id);
    const volume = await this.calls.locate({ context, kind: 'volume', id: volumeId }).catch(() => {
      throw new AttachmentNotFoundError(id);
    });
    if (volume.pod.podId !== pods[found].podId) throw new AttachmentNotFoundError(id);
    return { volume, response };
  }
}

/**
 * Why no pod showed the attachment: Cinder's 404 only when every pod said itemNotFound. A pod that
 * did not answer, answered 5xx or answered a 404 that is not Cinder's own (a proxy's page) may hold
 * it: its outage is the answer (503 naming "<pod> volume"), else a client would take the 404 as
 * "already gone" (Nova ignores a 404 from attachment_delete) and leak the attachment. A pod's
 * refusal of the request itself (400, 401, 403, 409) is passed on in the pod's words.
 */
function notFoundUnlessFailed(
  answers: readonly PromiseSettledResult<ForwardedResponse>[],
  pods: readonly PodView[],
  id: string,
): Error {
  for (const [at, answer] of answers.entries()) {
    if (answer.status === 'rejected') return answer.reason instanceof Error ? answer.reason : new Error(String(answer.reason));
    const { status, body } = answer.value;
    if (isItemNotFound(status, body)) continue;
    const failure = mapUpstreamFailure({ upstream: `${pods[at].name} volume`, status, body });
    return status === 404 ? new UpstreamError(failure.upstream, status, 'serviceUnavailable') : failure;
  }
  return new AttachmentNotFoundError(id);
}
