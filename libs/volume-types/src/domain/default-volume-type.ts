import { deterministicId } from '@podgate/kernel';
import type { VolumeTypeDefinition } from './volume-type.events';

/**
 * podgate's default volume type: Cinder's own `__DEFAULT__`, defined by podgate at its first start
 * (DefaultVolumeTypeSeeder) under one fixed id, so every replica seeds the same stream. Every Cinder
 * pod ships a `__DEFAULT__` as its configured default: the reconciler adopts that type by name
 * instead of creating another, so a volume created without a type lands on each pod's own default.
 * It cannot be deleted (Cinder's VolumeTypeDefaultDeletionError) nor renamed (a pod's renamed
 * default would break that pod's `default_volume_type`).
 */
export const DEFAULT_VOLUME_TYPE_NAME = '__DEFAULT__';

export const DEFAULT_VOLUME_TYPE_ID = deterministicId('volumeType', DEFAULT_VOLUME_TYPE_NAME);

export const DEFAULT_VOLUME_TYPE: VolumeTypeDefinition = {
  name: DEFAULT_VOLUME_TYPE_NAME,
  description: 'Default Volume Type',
  isPublic: true,
};
