import { Module } from '@nestjs/common';
import { CinderLister } from '../listing/cinder-lister';
import { InPodCreation } from '../resources/in-pod-creation';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { BackupActionsController } from './backup-actions.controller';
import { BackupsController } from './backups.controller';

/**
 * The volume API's backup endpoints over the volumes slice (its handlers come with VolumeModule's
 * owner); relies on the app's RuntimeModule, CqrsModule.forRoot(), UpstreamModule (PodProxy),
 * AuthModule (the policy enforcer, looked up) and the volume API's hooks.
 */
@Module({
  controllers: [BackupsController, BackupActionsController],
  providers: [InPodCreation, CinderLister, VolumeResourceCalls],
})
export class BackupsHttpModule {}
