import type { FlavorDefinition } from '../domain/flavor.events';

/** One ordinary public flavor, Nova's m1.small, for the flavor specs. */
export const M1_SMALL: FlavorDefinition = {
  name: 'm1.small',
  ram: 2048,
  vcpus: 1,
  disk: 20,
  ephemeral: 0,
  swap: 0,
  rxtxFactor: 1,
  isPublic: true,
  description: null,
};
