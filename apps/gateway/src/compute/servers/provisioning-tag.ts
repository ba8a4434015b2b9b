import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@podgate/kernel';
import { PodProxy } from '@podgate/openstack';
import { PROVISIONING_METADATA_KEY, type ServerForward, type ServerLocation } from '@podgate/servers';

/** The provisioning tag is podgate's: users may not set, change or delete it. */
export class ProvisioningTagReservedError extends DomainError {
  readonly code = 'SERVERS.PROVISIONING_TAG_RESERVED';
  readonly kind = 'badRequest';
  constructor() {
    super(`Metadata key ${PROVISIONING_METADATA_KEY} is reserved by podgate.`);
  }
}

/** Nova's answer for a metadata key the server does not have: the tag is hidden, so it is not there. */
export class MetadataItemNotFoundError extends DomainError {
  readonly code = 'SERVERS.METADATA_ITEM_NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor() {
    super('Metadata item was not found');
  }
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The provisioning tag (`podgate:provisioning_id` in server metadata) survives a user replacing all
 * metadata (PUT /metadata, rebuild with metadata): the pod's current value is put back into the body.
 */
@Injectable()
export class ProvisioningTagKeeper {
  constructor(@Inject(PodProxy) private readonly proxy: Pick<PodProxy, 'forward'>) {}

  /** `metadata` with the server's current tag (read from its pod) in place of anything the user put there. */
  async keep(metadata: Json, location: ServerLocation, forward: ServerForward, projectId: string): Promise<Json> {
    const { [PROVISIONING_METADATA_KEY]: _theirs, ...rest } = metadata;
    const tag = await this.current(location, forward, projectId);
    return tag === null ? rest : { ...rest, [PROVISIONING_METADATA_KEY]: tag };
  }

  private async current(location: ServerLocation, forward: ServerForward, projectId: string): Promise<string | null> {
    const response = await this.proxy.forward({
      ...forward,
      method: 'GET',
      path: `/servers/${encodeURIComponent(location.serverId)}/metadata/${encodeURIComponent(PROVISIONING_METADATA_KEY)}`,
      query: undefined,
      body: undefined,
      pod: location.pod,
      projectId,
      service: 'compute',
    });
    const meta = (response.body as { meta?: unknown } | undefined)?.meta;
    const value = response.status === 200 && isRecord(meta) ? meta[PROVISIONING_METADATA_KEY] : undefined;
    return typeof value === 'string' ? value : null;
  }
}

/** A metadata write that names the tag: refused whatever it would do. */
export function refuseTagWrites(metadata: unknown): void {
  if (isRecord(metadata) && Object.hasOwn(metadata, PROVISIONING_METADATA_KEY)) throw new ProvisioningTagReservedError();
}
