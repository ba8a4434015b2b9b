// CONTRACT (session 4): the volumes slice implements the handler.
import { Query } from '@nestjs/cqrs';
import type { PodView } from '@podgate/pods';
import type { VolumeResourceKind } from '../../domain/volume-resource';

/**
 * The pods a list of `kind` must ask, in registration order: active pods where the tenant is bound
 * or has resources of that kind (any tenant's when `projectId` is null: an admin's all_tenants).
 */
export class ListVolumeResourcePodsQuery extends Query<PodView[]> {
  constructor(
    readonly kind: VolumeResourceKind,
    readonly projectId: string | null,
  ) {
    super();
  }
}
