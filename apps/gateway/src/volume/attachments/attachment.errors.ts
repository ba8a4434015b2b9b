import { DomainError } from '@podgate/kernel';

/** Cinder's 404 for an attachment no pod of the caller's volumes has (VolumeAttachmentNotFound). */
export class AttachmentNotFoundError extends DomainError {
  readonly code = 'ATTACHMENTS.NOT_FOUND';
  readonly kind = 'itemNotFound';
  constructor(id: string) {
    super(`Volume attachment could not be found with filter: attachment_id = ${id}.`);
  }
}
