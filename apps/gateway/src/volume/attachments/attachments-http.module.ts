import { Module } from '@nestjs/common';
import { CinderLister } from '../listing/cinder-lister';
import { VolumeResourceCalls } from '../resources/volume-resource-calls';
import { AttachmentLocator } from './attachment-locator';
import { AttachmentsController } from './attachments.controller';

/**
 * The volume API's attachment endpoints (3.27+) over the volumes slice: attachments are not routed
 * themselves, they follow their volume (AttachmentLocator). Relies on the app's RuntimeModule (read
 * model), CqrsModule.forRoot(), UpstreamModule (PodProxy), AuthModule and the volume API's hooks.
 */
@Module({
  controllers: [AttachmentsController],
  providers: [AttachmentLocator, CinderLister, VolumeResourceCalls],
})
export class AttachmentsHttpModule {}
