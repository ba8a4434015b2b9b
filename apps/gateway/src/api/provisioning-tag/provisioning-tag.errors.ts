import { DomainError } from '@podgate/kernel';
import { PROVISIONING_METADATA_KEY } from '@podgate/routed-resources';

/** The provisioning tag is podgate's: users may not set, change or delete it. */
export class ProvisioningTagReservedError extends DomainError {
  readonly code = 'PROVISIONING_TAG.RESERVED';
  readonly kind = 'badRequest';
  constructor() {
    super(`Metadata key ${PROVISIONING_METADATA_KEY} is reserved by podgate.`);
  }
}

/**
 * The API's answer for a metadata key the resource does not have: the tag is hidden, so it is not
 * there. Nova's words by default; Cinder's name the resource and the key (see cinderTagNotFound).
 */
export class MetadataItemNotFoundError extends DomainError {
  readonly code = 'PROVISIONING_TAG.METADATA_ITEM_NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(message = 'Metadata item was not found') {
    super(message);
  }
}
