import { Module } from '@nestjs/common';
import { microversionHookProvider } from '../../api/microversion';
import { podApiVersionsProvider } from '../../api/pod-versions';
import { VOLUME_API } from '../../api/service-api';
import { VOLUME_API_VERSIONS } from './volume-api-versions';
import { VolumeVersionsController } from './volume-versions.controller';

export { VOLUME_API_VERSIONS, type VolumeApiVersions } from './volume-api-versions';

/**
 * The volume API's versions: the supported Cinder range (VOLUME_API_VERSIONS, a PodApiVersions over
 * the pods' volume endpoints: lowest pod maximum, capped at 3.71, minimum 3.0), the microversion
 * hook every `/volume` request goes through, and GET /volume/, /volume/v3/. Exports the range for
 * the volume slices (`@Inject(VOLUME_API_VERSIONS)`).
 */
@Module({
  controllers: [VolumeVersionsController],
  providers: [podApiVersionsProvider(VOLUME_API, VOLUME_API_VERSIONS), microversionHookProvider(VOLUME_API, VOLUME_API_VERSIONS)],
  exports: [VOLUME_API_VERSIONS],
})
export class VolumeVersionsModule {}
