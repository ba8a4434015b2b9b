import type { SchedulablePod } from '../schedulable-pod';

/** A healthy, empty, untagged pod in az1 for pure scheduler specs; override what a case is about. */
export const schedulablePod = (podId: string, overrides: Partial<SchedulablePod> = {}): SchedulablePod => ({
  podId,
  azName: 'az1',
  affinityTag: null,
  inMaintenance: false,
  capacityThreshold: 0.9,
  registrationSeq: 1,
  usage: null,
  ...overrides,
});

export const usage = (usedFraction: number | null, reachable: boolean | null = true) => ({ usedFraction, reachable });
