import { Module } from '@nestjs/common';
import { ProvisioningTagKeeper } from '../../api/provisioning-tag';
import { CinderLister } from '../listing/cinder-lister';
import { InPodCreation } from '../resources/in-pod-creation';
import { ResourceMetadataCalls } from '../resources/resource-metadata';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { SnapshotActionsController } from './snapshot-actions.controller';
import { SnapshotMetadataController } from './snapshot-metadata.controller';
import { SnapshotsController } from './snapshots.controller';

/**
 * The volume API's snapshot endpoints over the volumes slice (its handlers come with VolumeModule's
 * owner); relies on the app's RuntimeModule, CqrsModule.forRoot(), UpstreamModule (PodProxy),
 * AuthModule (the policy enforcer, looked up) and the volume API's hooks.
 */
@Module({
  controllers: [SnapshotsController, SnapshotActionsController, SnapshotMetadataController],
  providers: [InPodCreation, CinderLister, VolumeResourceCalls, ProvisioningTagKeeper, ResourceMetadataCalls],
})
export class SnapshotsHttpModule {}
