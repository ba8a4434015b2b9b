import { Inject, Injectable, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { READ_MODEL_SQL } from '@podgate/read-model';
import { foldStreams, type ResourceRoute, ResourceRoutes } from '@podgate/routed-resources';
import type { SqlClient } from '@podgate/sql';
import { resolveVolumesWriteOptions, VOLUMES_WRITE_OPTIONS, type VolumesWriteOptions } from '../commands/volumes-write.options';
import type { VolumeResourceKind, VolumeResourceLocation } from '../domain/volume-resource';
import { VolumeResourceNotFoundError } from '../domain/volume-resource.errors';
import { VOLUME_RESOURCE_KIND_LIST } from '../domain/volume-resource.kinds';
import { volumeResourceModel, volumeResourceStream } from '../domain/volume-resource.stream';

/**
 * Where volumes, snapshots and backups live, for every call on one: memory, then rm_routings (the
 * kind as resource type), then the resource's own stream for read-your-writes on a replica that did
 * not make it (ResourceRoutes, as servers). Unknown or another tenant's: VolumeResourceNotFoundError.
 */
@Injectable()
export class VolumeResourceRoutes {
  private readonly byKind: ReadonlyMap<VolumeResourceKind, ResourceRoutes>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL_SQL) sql: SqlClient,
    @Optional() @Inject(VOLUMES_WRITE_OPTIONS) options?: VolumesWriteOptions,
  ) {
    const resolved = resolveVolumesWriteOptions(options);
    const routesOf = (kind: VolumeResourceKind) => {
      const fromStream = async (id: string): Promise<ResourceRoute | undefined> => {
        const { state } = await foldStreams(store, volumeResourceModel(kind), [volumeResourceStream(kind, id)]);
        if (state.status !== 'created') return undefined;
        const { projectId, podId, azName } = state.resource;
        return { id, projectId, podId, azName };
      };
      const notFound = (id: string) => new VolumeResourceNotFoundError(kind, id);
      return new ResourceRoutes(sql, { resourceType: kind, fromStream, notFound }, resolved);
    };
    this.byKind = new Map(VOLUME_RESOURCE_KIND_LIST.map((kind) => [kind, routesOf(kind)]));
  }

  remember(kind: VolumeResourceKind, route: ResourceRoute): void {
    this.of(kind).remember(route);
  }

  forget(kind: VolumeResourceKind, id: string): void {
    this.of(kind).forget(id);
  }

  /** `projectId` null: any tenant's (an admin). */
  async locate(kind: VolumeResourceKind, id: string, projectId: string | null): Promise<VolumeResourceLocation> {
    return { kind, ...(await this.of(kind).locate(id, projectId)) };
  }

  private of(kind: VolumeResourceKind): ResourceRoutes {
    const routes = this.byKind.get(kind);
    if (!routes) throw new Error(`not a volume resource kind: ${String(kind)}`);
    return routes;
  }
}
