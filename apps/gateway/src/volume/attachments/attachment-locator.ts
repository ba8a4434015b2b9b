import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError, type RequestContext } from '@podgate/kernel';
import { type ForwardedResponse, PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { tenantScopeOf } from '@podgate/servers';
import { ListVolumeResourcePodsQuery, type VolumeResourceLocation } from '@podgate/volumes';
import type { FastifyRequest } from 'fastify';
import { callerForward } from '../../api/forwarding/caller-forward';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';

/** Cinder's 404 for an attachment no pod of the caller's volumes has (VolumeAttachmentNotFound). */
export class AttachmentNotFoundError extends DomainError {
  readonly code = 'ATTACHMENTS.NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(id: string) {
    super(`Volume attachment could not be found with filter: attachment_id = ${id}.`);
  }
}

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
    if (found < 0) {
      // A pod that did not answer may hold it: its outage is the answer, not a 404.
      const failed = answers.find((a): a is PromiseRejectedResult => a.status === 'rejected');
      if (failed) throw failed.reason;
      throw new AttachmentNotFoundError(id);
    }
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
