import { Module } from '@nestjs/common';
import { VolumeTypesModule } from '@podgate/volume-types';
import { VolumeTypeAccessController } from './volume-type-access.controller';
import { VolumeTypeExtraSpecsController } from './volume-type-extra-specs.controller';
import { VolumeTypesController } from './volume-types.controller';

/**
 * The volume API's type endpoints over the volume types slice (whose VolumeTypesModule also seeds
 * the default type and runs the reconciler that pushes types to every pod's Cinder).
 */
@Module({
  imports: [VolumeTypesModule],
  controllers: [VolumeTypesController, VolumeTypeExtraSpecsController, VolumeTypeAccessController],
})
export class VolumeTypesHttpModule {}
