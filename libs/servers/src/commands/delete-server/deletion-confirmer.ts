import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
import type { RequestContext } from '@podgate/kernel';
import { KEYSTONE_CLIENT, type KeystoneClient, PodProxy } from '@podgate/openstack';
import type { PodView } from '@podgate/pods';
import { DeletionWatch } from '@podgate/routed-resources';
import { RecordServerGoneCommand } from '../record-server-gone/record-server-gone.command';
import { RecordServerGoneHandler } from '../record-server-gone/record-server-gone.handler';
import { resolveServersWriteOptions, SERVERS_WRITE_OPTIONS, type ServersWriteOptions } from '../servers-write.options';

export interface DeletionToConfirm {
  readonly serverId: string;
  readonly pod: PodView;
  /** The caller's project, for a `%(project_id)s` in the pod's endpoint. */
  readonly projectId: string;
  /** SECURITY: the caller's token, held in memory for the confirmation only, used when podgate has none of its own. */
  readonly callerToken: string;
  /** The delete request's context: ServerDeleted is caused by it. */
  readonly context: RequestContext;
  /** The delete request the pod accepted, which ServerDeleted names. */
  readonly deleteId?: string;
}

/**
 * Nova deletes asynchronously (204 first, the server goes later), so the route stays until the pod
 * answers Nova's own 404 for `GET /servers/<id>`: then RecordServerGone. The watching (tokens,
 * bounds, intervals) is every routed resource's DeletionWatch.
 */
@Injectable()
export class DeletionConfirmer extends DeletionWatch<DeletionToConfirm & { id: string }> implements OnApplicationShutdown {
  constructor(
    @Inject(PodProxy) proxy: Pick<PodProxy, 'forward'>,
    @Inject(RecordServerGoneHandler) gone: Pick<RecordServerGoneHandler, 'execute'>,
    /** Null or absent in noauth mode: no service credentials. SECURITY: its token is never logged. */
    @Optional() @Inject(KEYSTONE_CLIENT) service?: Pick<KeystoneClient, 'serviceToken'> | null,
    @Optional() @Inject(SERVERS_WRITE_OPTIONS) options?: ServersWriteOptions,
  ) {
    super(
      proxy,
      service,
      resolveServersWriteOptions(options),
      {
        noun: () => 'server',
        service: 'compute',
        pathOf: (watched) => `/servers/${encodeURIComponent(watched.serverId)}`,
        recordGone: (watched) => gone.execute(new RecordServerGoneCommand(watched.serverId, watched.context, watched.deleteId)),
      },
      new Logger(DeletionConfirmer.name),
    );
  }

  override watch(deletion: DeletionToConfirm): void {
    super.watch({ ...deletion, id: deletion.serverId });
  }
}
