import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CreateVolumeResourceHandler } from './commands/create-volume-resource/create-volume-resource.handler';
import { VolumeProvisioningConfirmer } from './commands/create-volume-resource/volume-provisioning-confirmer';
import { DeleteVolumeResourceHandler } from './commands/delete-volume-resource/delete-volume-resource.handler';
import { VolumeDeletionConfirmer } from './commands/delete-volume-resource/volume-deletion-confirmer';
import { RecordVolumeResourceGoneHandler } from './commands/record-volume-resource-gone/record-volume-resource-gone.handler';
import { RequestVolumeActionHandler } from './commands/request-volume-action/request-volume-action.handler';
import { VolumeResourceRoutes } from './location/volume-resource-routes';
import { ListVolumeResourcePodsHandler } from './queries/list-volume-resource-pods/list-volume-resource-pods.handler';
import { LocateVolumeResourceHandler } from './queries/locate-volume-resource/locate-volume-resource.handler';

/**
 * The volumes slice's write side and location (volumes, snapshots, backups), for @nestjs/cqrs's
 * buses (the app's CqrsModule.forRoot()). Needs from the app what ServersModule needs: EVENT_STORE,
 * READ_MODEL_SQL (the runtime, global), PodProxy (UpstreamModule, global), SelectPodCommand's
 * handler on the command bus (BindingsModule), and optionally KEYSTONE_CLIENT and VOLUMES_WRITE_OPTIONS.
 */
@Module({
  imports: [CqrsModule],
  providers: [
    VolumeResourceRoutes,
    CreateVolumeResourceHandler,
    VolumeProvisioningConfirmer,
    RequestVolumeActionHandler,
    DeleteVolumeResourceHandler,
    VolumeDeletionConfirmer,
    RecordVolumeResourceGoneHandler,
    LocateVolumeResourceHandler,
    ListVolumeResourcePodsHandler,
  ],
  exports: [VolumeResourceRoutes, VolumeDeletionConfirmer, VolumeProvisioningConfirmer],
})
export class VolumesModule {}
