import { Module } from '@nestjs/common';
import { ProvisioningTagKeeper } from '../../api/provisioning-tag';
import { CinderLister } from '../listing/cinder-lister';
import { ResourceMetadataCalls } from '../resources/resource-metadata';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { VolumeCreation } from './create/volume-creation';
import { VolumeSummaries } from './summary/volume-summary';
import { VolumeTypeIds } from './volume-type-ids';
import { VolumeActionsController } from './volume-actions.controller';
import { VolumeAvailabilityZonesController } from './volume-availability-zones.controller';
import { VolumeSubresourcesController } from './volume-subresources.controller';
import { VolumesController } from './volumes.controller';

/**
 * The volume API's volume endpoints (and its AZ list) over the volumes slice (@podgate/volumes'
 * handlers, imported by VolumeModule's owner); it relies on the app's RuntimeModule (config, read
 * model), CqrsModule.forRoot(), UpstreamModule (PodProxy), AuthModule (the policy enforcer, looked
 * up) and the volume API's hooks (microversion, project-form URLs).
 */
@Module({
  controllers: [VolumesController, VolumeActionsController, VolumeSubresourcesController, VolumeAvailabilityZonesController],
  providers: [
    VolumeCreation,
    CinderLister,
    VolumeResourceCalls,
    VolumeTypeIds,
    VolumeSummaries,
    ProvisioningTagKeeper,
    ResourceMetadataCalls,
  ],
})
export class VolumesHttpModule {}
