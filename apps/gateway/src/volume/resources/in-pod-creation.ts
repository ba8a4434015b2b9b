import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { PodView } from '@podgate/pods';
import { type CreatedInPod, CreateVolumeResourceCommand, type VolumeResourceKind } from '@podgate/volumes';
import type { FastifyRequest } from 'fastify';
import { callerForward } from '../../api/forwarding/caller-forward';
import type { PodAnswer } from '../../api/forwarding/pod-answer';
import { type ResourceView, VolumeResourceCalls } from './volume-resource-calls';

/** A create that must land in the pod of a resource that exists already (its parent). */
export interface InPodCreate {
  readonly request: FastifyRequest;
  readonly context: RequestContext;
  /** What is created and recorded (its route, its stream). */
  readonly kind: VolumeResourceKind;
  /** The resource it hangs off: located for the caller (Cinder's 404 when not theirs), its pod is the new one's. */
  readonly parent: { readonly kind: VolumeResourceKind; readonly id: string };
  /** Below the API root: `/snapshots`, `/backups/<id>/restore`. */
  readonly path: string;
  /** The body for the pod, once it is known (e.g. podgate's AZ turned into the pod's). */
  readonly bodyFor: (pod: PodView, podAzName: string) => unknown;
  /** Where the new id is in the pod's answer, when not at `body[kind].id`. */
  readonly createdIdOf?: (body: unknown) => string | undefined;
  readonly view?: ResourceView;
}

/**
 * Creates of snapshots, backups and restored volumes: each goes to its parent's pod (a pod cannot
 * snapshot, back up or restore what another pod holds) through CreateVolumeResourceCommand, which
 * records the intent, forwards, and routes the new resource to that pod.
 */
@Injectable()
export class InPodCreation {
  constructor(
    private readonly commands: CommandBus,
    private readonly calls: VolumeResourceCalls,
  ) {}

  async create(create: InPodCreate): Promise<{ readonly created: CreatedInPod; readonly answer: PodAnswer }> {
    const { request, context } = create;
    const { body: _none, ...forward } = callerForward(request, context, { method: 'POST', path: create.path, query: '' });
    const created: CreatedInPod = await this.commands.execute(
      new CreateVolumeResourceCommand(
        create.kind,
        { by: 'resource', kind: create.parent.kind, id: create.parent.id },
        (pod, podAzName) => ({ ...forward, body: create.bodyFor(pod, podAzName) }),
        context,
        create.createdIdOf,
      ),
    );
    const answer = this.calls.answer({ request, context }, created.response, { pod: created.pod }, create.view);
    return { created, answer };
  }
}
