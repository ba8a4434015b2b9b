// CONTRACT (session 4): the volumes slice implements the handler.
import { Query } from '@nestjs/cqrs';
import type { VolumeResourceKind, VolumeResourceLocation } from '../../domain/volume-resource';

/**
 * Where a volume, snapshot or backup lives (memory, then rm_routings, then its stream for
 * read-your-writes). `projectId` null: any tenant's (an admin). Unknown or another tenant's:
 * VolumeResourceNotFoundError, Cinder's 404 in Cinder's words ("Volume <id> could not be found.").
 */
export class LocateVolumeResourceQuery extends Query<VolumeResourceLocation> {
  constructor(
    readonly kind: VolumeResourceKind,
    readonly id: string,
    readonly projectId: string | null,
  ) {
    super();
  }
}
