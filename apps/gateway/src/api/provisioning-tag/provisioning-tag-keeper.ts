import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import { type ForwardService, type ForwardTarget, PodProxy } from '@podgate/openstack';
import { PROVISIONING_METADATA_KEY } from '@podgate/routed-resources';
import type { FastifyRequest } from 'fastify';
import { callerForward, segment } from '../forwarding/caller-forward';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A resource whose pod-side metadata may hold the tag: a server, a volume, a snapshot. */
export interface TagHolder {
  readonly service: ForwardService;
  readonly pod: ForwardTarget;
  /** The resource's own path at the pod, encoded: `/servers/<id>`, `/volumes/<id>`, `/snapshots/<id>`. */
  readonly path: string;
}

/** Whose call reads the tag: the caller's token and microversion, so the pod answers as for the call itself. */
export interface TagCaller {
  readonly request: FastifyRequest;
  readonly context: RequestContext;
}

/**
 * The provisioning tag (`podgate:provisioning_id`) survives a user replacing all metadata (PUT
 * metadata, a server's rebuild, a volume's update with metadata): the pod's current value is put
 * back into the body, or adoption of a lost create could no longer find the resource by it.
 */
@Injectable()
export class ProvisioningTagKeeper {
  constructor(@Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>) {}

  /** `metadata` with the resource's current tag (read from its pod, as the caller) in place of anything the user put there. */
  async keep(metadata: Json, holder: TagHolder, call: TagCaller): Promise<Json> {
    const { [PROVISIONING_METADATA_KEY]: _theirs, ...rest } = metadata;
    const tag = await this.current(holder, call);
    return tag === null ? rest : { ...rest, [PROVISIONING_METADATA_KEY]: tag };
  }

  private async current(holder: TagHolder, { request, context }: TagCaller): Promise<string | null> {
    const path = `${holder.path}/metadata/${segment(PROVISIONING_METADATA_KEY)}`;
    const response = await this.proxy.forward({
      ...callerForward(request, context, { method: 'GET', path, query: '' }),
      pod: holder.pod,
      projectId: context.caller.projectId,
      service: holder.service,
    });
    const meta = (response.body as { meta?: unknown } | undefined)?.meta;
    const value = response.status === 200 && isRecord(meta) ? meta[PROVISIONING_METADATA_KEY] : undefined;
    return typeof value === 'string' ? value : null;
  }
}
