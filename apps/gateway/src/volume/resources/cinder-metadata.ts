import { DomainError } from '@podgate/kernel';
import { invalidInputDetail } from '../../compute/validation/invalid-input-detail';
import { firstViolation } from '../../compute/validation/nova-json-schema';
import { metadataAllowsNull } from '../volumes/create/create-volume.schemas';

export class InvalidCinderMetadataError extends DomainError {
  readonly code = 'VOLUMES.INVALID_METADATA';
  readonly kind = 'badRequest';
}

/**
 * A user's metadata checked as Cinder's schema checks it (`metadata_allows_null`), with Cinder's 400,
 * before podgate adds its provisioning tag to the write (snapshot create, volume update, PUT of all
 * metadata). SECURITY: Cinder's 400 echoes the whole map ("Value: {...}"): checked only at the pod,
 * the map would carry the tag, and the answer its value.
 */
export function checkCinderMetadata(metadata: unknown): void {
  const violation = firstViolation({ type: 'object', properties: { metadata: metadataAllowsNull } }, { metadata });
  if (violation) throw new InvalidCinderMetadataError(invalidInputDetail(violation));
}
