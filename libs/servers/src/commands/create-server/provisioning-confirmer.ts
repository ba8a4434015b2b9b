import { Inject, Injectable, Logger, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@podgate/event-store';
import { metadataFor, type RequestContext } from '@podgate/kernel';
import { KEYSTONE_CLIENT, type KeystoneClient, PodProxy } from '@podgate/openstack';
import { type CreationToWatch, CreationWatch } from '@podgate/routed-resources';
import { serverProvisioningStream } from '../../domain/server.stream';
import { ServerRoutes } from '../../location/server-routes';
import { foldServerStreams } from '../server-stream-writer';
import { resolveServersWriteOptions, SERVERS_WRITE_OPTIONS, type ServersWriteOptions } from '../servers-write.options';
import { recordServersCreated } from './record-servers-created';
import { findTaggedServers } from './tagged-servers';

/** A server create whose POST may have reached the pod while its outcome is not recorded. */
export interface ProvisioningToConfirm extends CreationToWatch {
  /** The requested server name (a multi-create's names start with it). */
  readonly name: string;
  /** The create request's context: the adoption is caused by it. */
  readonly context: RequestContext;
}

/**
 * Adopts the servers of creates whose answer was lost (the watching is every routed resource's
 * CreationWatch): asks the pod for servers carrying the provisioning tag (findTaggedServers, also
 * after a failed look-up of a multi-create's servers) and records RecordServerCreated with its
 * route for what it finds; a repeat is a no-op.
 */
@Injectable()
export class ProvisioningConfirmer extends CreationWatch<ProvisioningToConfirm> implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PodProxy) proxy: Pick<PodProxy, 'forward'>,
    @Inject(ServerRoutes) routes: ServerRoutes,
    /** Null or absent in noauth mode: no service credentials. SECURITY: its token is never logged. */
    @Optional() @Inject(KEYSTONE_CLIENT) service?: Pick<KeystoneClient, 'serviceToken'> | null,
    @Optional() @Inject(SERVERS_WRITE_OPTIONS) options?: ServersWriteOptions,
  ) {
    const resolved = resolveServersWriteOptions(options);
    super(
      service,
      resolved,
      {
        noun: () => 'server',
        find: async (item, { token, allTenants, signal, timeoutMs }) => {
          const caller = { pod: item.pod, projectId: item.projectId, token, globalRequestId: item.globalRequestId };
          const options = { allTenants, signal, timeoutMs };
          return (await findTaggedServers(proxy, caller, item.name, item.provisioningId, options)).serverIds;
        },
        record: async (item, ids) => {
          const { state } = await foldServerStreams(store, [serverProvisioningStream(item.provisioningId)]);
          const metadata = metadataFor(item.context, resolved.clock.now());
          await recordServersCreated(store, routes, item.provisioningId, [...ids], state, metadata);
        },
      },
      new Logger(ProvisioningConfirmer.name),
    );
  }
}
