import { openPodSyncTestBed, type PodSyncTestBed, type ResourceWriteOptions } from '@podgate/pod-sync';
import { VolumeTypeWriter } from '../commands/volume-type-writer';
import { volumeTypesProjection } from '../projections/volume-types/volume-types.projection';

export interface VolumeTypesTestBed extends PodSyncTestBed {
  writer(options?: ResourceWriteOptions): VolumeTypeWriter;
}

/** One in-memory PGlite for the log, rm_volume_types and rm_pods, projections live. */
export async function openVolumeTypesTestBed(): Promise<VolumeTypesTestBed> {
  const bed = await openPodSyncTestBed(volumeTypesProjection);
  return { ...bed, writer: (options) => new VolumeTypeWriter(bed.store, bed.sql, options) };
}
