import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CreateServerHandler } from './commands/create-server/create-server.handler';
import { ProvisioningConfirmer } from './commands/create-server/provisioning-confirmer';
import { DeleteServerHandler } from './commands/delete-server/delete-server.handler';
import { DeletionConfirmer } from './commands/delete-server/deletion-confirmer';
import { RecordServerGoneHandler } from './commands/record-server-gone/record-server-gone.handler';
import { RequestServerActionHandler } from './commands/request-server-action/request-server-action.handler';
import { ServerRoutes } from './location/server-routes';
import { ListRoutedServersHandler } from './queries/list-routed-servers/list-routed-servers.handler';
import { ListServerPodsHandler } from './queries/list-server-pods/list-server-pods.handler';
import { LocateServerHandler } from './queries/locate-server/locate-server.handler';

/**
 * The servers slice's write side and location, for @nestjs/cqrs's buses (the app's
 * CqrsModule.forRoot()). Needs from the app: EVENT_STORE, READ_MODEL_SQL, PODGATE_CONFIG (the
 * runtime, global), PodProxy (UpstreamModule, global), SelectPodCommand's handler on the command
 * bus (BindingsModule), and optionally KEYSTONE_CLIENT (UpstreamModule; null in noauth mode, where
 * deletes and creates in doubt are confirmed with the caller's token) and SERVERS_WRITE_OPTIONS.
 */
@Module({
  imports: [CqrsModule],
  providers: [
    ServerRoutes,
    CreateServerHandler,
    ProvisioningConfirmer,
    RequestServerActionHandler,
    DeleteServerHandler,
    DeletionConfirmer,
    RecordServerGoneHandler,
    LocateServerHandler,
    ListServerPodsHandler,
    ListRoutedServersHandler,
  ],
  exports: [ServerRoutes, DeletionConfirmer, ProvisioningConfirmer],
})
export class ServersModule {}
