import { Module } from '@nestjs/common';
import { VolumesModule } from '@podgate/volumes';
import { AttachmentsHttpModule } from './attachments/attachments-http.module';
import { BackupsHttpModule } from './backups/backups-http.module';
import { SnapshotsHttpModule } from './snapshots/snapshots-http.module';
import { VolumeVersionsModule } from './versions/volume-versions.module';
import { VolumeTypesHttpModule } from './volume-types/volume-types-http.module';
import { VolumesHttpModule } from './volumes/volumes-http.module';

/**
 * The block-storage API (Cinder v3) at /volume: version discovery and microversions
 * (VolumeVersionsModule, which also owns the volume PodApiVersions), volumes, snapshots, backups,
 * attachments and volume types. Policy rules from VOLUME_POLICY_DEFAULTS, registered by GatewayModule.
 */
@Module({
  imports: [
    VolumesModule,
    VolumeVersionsModule,
    VolumesHttpModule,
    SnapshotsHttpModule,
    BackupsHttpModule,
    AttachmentsHttpModule,
    VolumeTypesHttpModule,
  ],
})
export class VolumeModule {}
