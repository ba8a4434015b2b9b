import type { Decider } from '@podgate/kernel';
import { InvalidPodUsageError } from './pod.errors';
import type { PodUsage, PodUsageEvent } from './pod-usage.events';

/** A move of the used fraction smaller than this (one percentage point) is noise, not news. */
export const USED_FRACTION_STEP = 0.01;
/** Float subtraction makes 0.15 - 0.14 slightly less than 0.01; a step within this is still a step. */
const EPSILON = 1e-9;
const MAX_ERROR_LENGTH = 500;

export type ReportPodUsage = { readonly type: 'ReportPodUsage'; readonly podId: string; readonly reportedAt: string } & (
  { readonly reachable: true; readonly usage: PodUsage } | { readonly reachable: false; readonly error: string }
);

/** What was last recorded: the baseline the next report is compared with. Unreachable keeps the last known totals. */
export interface PodUsageState {
  readonly reachable: boolean | null;
  readonly totals: Pick<PodUsage, 'vcpus' | 'memoryMb' | 'diskGb'> | null;
  readonly usedFraction: number | null;
}

export const initialPodUsageState: PodUsageState = { reachable: null, totals: null, usedFraction: null };

/**
 * The fullest resource decides: a pod out of memory cannot take a server however many vCPUs it has.
 * A resource with a total of 0 counts as full (1), not empty: a pod reporting no capacity (no
 * hypervisor up, or none registered yet) cannot place anything, and "0 % used" would make it the
 * most attractive pod to the free-capacity weigher. Overcommitted resources (Nova's allocation
 * ratios) can go above 1. Rounded to 4 decimals so the reported number is stable.
 */
export function usedFractionOf(usage: PodUsage): number {
  const fraction = (used: number, total: number) => (total > 0 ? used / total : 1);
  const fullest = Math.max(
    fraction(usage.vcpusUsed, usage.vcpus),
    fraction(usage.memoryMbUsed, usage.memoryMb),
    fraction(usage.diskGbUsed, usage.diskGb),
  );
  return Math.round(fullest * 10_000) / 10_000;
}

/**
 * Pure: an event only on meaningful change: first report, reachability flips, totals change, or
 * the used fraction moves by at least one point from the last recorded one (so slow drift is
 * recorded once it adds up). A pod still unreachable, with another error, records nothing.
 */
export function decidePodUsage(command: ReportPodUsage, state: PodUsageState): PodUsageEvent[] {
  const { podId, reportedAt } = command;
  if (!command.reachable) {
    if (state.reachable === false) return [];
    const error = command.error.slice(0, MAX_ERROR_LENGTH) || 'unreachable';
    return [{ type: 'PodUsageReported', data: { podId, reachable: false, usage: null, usedFraction: null, reportedAt, error } }];
  }
  assertUsage(command.usage);
  const usedFraction = usedFractionOf(command.usage);
  const totalsChanged =
    !state.totals || (['vcpus', 'memoryMb', 'diskGb'] as const).some((k) => state.totals![k] !== command.usage[k]);
  const moved = state.usedFraction === null || Math.abs(usedFraction - state.usedFraction) >= USED_FRACTION_STEP - EPSILON;
  if (state.reachable === true && !totalsChanged && !moved) return [];
  return [{ type: 'PodUsageReported', data: { podId, reachable: true, usage: { ...command.usage }, usedFraction, reportedAt } }];
}

export function evolvePodUsage(state: PodUsageState, event: PodUsageEvent): PodUsageState {
  const { reachable, usage, usedFraction } = event.data;
  if (!reachable || !usage) return { ...state, reachable: false };
  return { reachable: true, totals: { vcpus: usage.vcpus, memoryMb: usage.memoryMb, diskGb: usage.diskGb }, usedFraction };
}

export const podUsageDecider: Decider<ReportPodUsage, PodUsageEvent, PodUsageState> = {
  decide: decidePodUsage,
  evolve: evolvePodUsage,
  initialState: initialPodUsageState,
};

function assertUsage(usage: PodUsage): void {
  for (const key of ['vcpus', 'vcpusUsed', 'memoryMb', 'memoryMbUsed', 'diskGb', 'diskGbUsed', 'runningVms'] as const) {
    const value = usage[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new InvalidPodUsageError(`usage.${key} must be a non-negative number, got ${JSON.stringify(value)}`);
    }
  }
}
