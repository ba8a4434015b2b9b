import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import { KEYSTONE_CLIENT, type KeystoneClient, PodProxy } from '@podgate/openstack';
import { DeletionWatch, type DeletionToWatch } from '@podgate/routed-resources';
import type { VolumeResourceKind } from '../../domain/volume-resource';
import { resourcePath } from '../../domain/volume-resource.kinds';
import { RecordVolumeResourceGoneCommand } from '../record-volume-resource-gone/record-volume-resource-gone.command';
import { RecordVolumeResourceGoneHandler } from '../record-volume-resource-gone/record-volume-resource-gone.handler';
import { resolveVolumesWriteOptions, VOLUMES_WRITE_OPTIONS, type VolumesWriteOptions } from '../volumes-write.options';

export interface VolumeDeletionToConfirm extends DeletionToWatch {
  readonly kind: VolumeResourceKind;
  /** The delete request's context: `<Kind>Deleted` is caused by it. */
  readonly context: RequestContext;
  /** The delete request the pod accepted, which `<Kind>Deleted` names. */
  readonly deleteId: string;
}

/**
 * Cinder deletes asynchronously (202 first, `deleting`, gone later), so the route stays until the
 * pod answers Cinder's own 404 for `GET /<collection>/<id>`: then RecordVolumeResourceGone. The
 * watching (tokens, bounds, intervals) is every routed resource's DeletionWatch. Keyed by id: a
 * volume's, snapshot's and backup's ids are uuids of different resources.
 */
@Injectable()
export class VolumeDeletionConfirmer extends DeletionWatch<VolumeDeletionToConfirm> implements OnApplicationShutdown {
  constructor(
    @Inject(PodProxy) proxy: Pick<PodProxy, 'forward'>,
    @Inject(RecordVolumeResourceGoneHandler) gone: Pick<RecordVolumeResourceGoneHandler, 'execute'>,
    /** Null or absent in noauth mode: no service credentials. SECURITY: its token is never logged. */
    @Optional() @Inject(KEYSTONE_CLIENT) service?: Pick<KeystoneClient, 'serviceToken'> | null,
    @Optional() @Inject(VOLUMES_WRITE_OPTIONS) options?: VolumesWriteOptions,
  ) {
    super(
      proxy,
      service,
      resolveVolumesWriteOptions(options),
      {
        noun: (watched) => watched.kind,
        service: 'volume',
        pathOf: (watched) => resourcePath(watched.kind, watched.id),
        recordGone: (watched) =>
          gone.execute(new RecordVolumeResourceGoneCommand(watched.kind, watched.id, watched.context, watched.deleteId)),
      },
      new Logger(VolumeDeletionConfirmer.name),
    );
  }
}
