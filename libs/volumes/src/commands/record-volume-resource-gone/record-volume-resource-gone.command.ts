// CONTRACT (session 4): the volumes slice implements the handler.
import { Command } from '@nestjs/cqrs';
import type { RequestContext } from '@podgate/kernel';
import type { VolumeResourceKind } from '../../domain/volume-resource';

/**
 * A read saw Cinder's own 404 (itemNotFound) for the resource: `<Kind>Deleted` + ResourceUnrouted.
 * Idempotent. `deleteId`: the delete request the pod accepted, when the caller knows it (the
 * deletion confirmer); otherwise the last one the pod did not refuse, if any.
 */
export class RecordVolumeResourceGoneCommand extends Command<void> {
  constructor(
    readonly kind: VolumeResourceKind,
    readonly id: string,
    readonly context: RequestContext,
    readonly deleteId?: string,
  ) {
    super();
  }
}
