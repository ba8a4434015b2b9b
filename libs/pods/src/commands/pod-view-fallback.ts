import type { GlobalPosition } from '@podgate/event-store';
import type { PodState } from '../domain/pod.decider';
import type { PodEvent } from '../domain/pod.events';
import type { PodUsageEvent } from '../domain/pod-usage.events';
import type { PodUsageView, PodView } from '../queries/pods/pod-view';

export interface Decided {
  readonly events: readonly (PodEvent | PodUsageEvent)[];
  readonly occurredAt: Date;
  /** Where the decided events landed; undefined when nothing was appended. */
  readonly position?: GlobalPosition;
}

/**
 * The view a handler answers with when rm_pods has not caught up with its own write in time: the
 * decided pod state laid over whatever (stale) row there is, as the projection will write it. The
 * admin still sees what they just did; the read model follows.
 */
export function podViewFromState(state: PodState, stale: PodView | undefined, decided: Decided): PodView | undefined {
  if (state.status === 'unregistered') return undefined;
  const registeredNow = decided.events.some((e) => e.type === 'PodRegistered');
  const podChanged = decided.events.some((e) => e.type !== 'PodUsageReported');
  const active = state.status === 'registered';
  return {
    podId: state.podId,
    name: state.name,
    ...state.profile,
    inMaintenance: active ? state.inMaintenance : (stale?.inMaintenance ?? false),
    maintenanceReason: active ? state.maintenanceReason : (stale?.maintenanceReason ?? null),
    status: active ? 'active' : 'deregistered',
    registeredAt: registeredNow || !stale ? decided.occurredAt : stale.registeredAt,
    registrationSeq: (registeredNow || !stale) && decided.position ? decided.position.commit : (stale?.registrationSeq ?? 0n),
    updatedAt: podChanged || !stale ? decided.occurredAt : stale.updatedAt,
    usage: usageAfter(stale?.usage ?? null, decided.events),
  };
}

function usageAfter(usage: PodUsageView | null, events: Decided['events']): PodUsageView | null {
  for (const event of events) {
    if (event.type !== 'PodUsageReported') continue;
    const { reachable, usage: figures, usedFraction, reportedAt, error } = event.data;
    const reportedAtDate = new Date(reportedAt);
    usage =
      reachable && figures
        ? { ...figures, usedFraction, reachable: true, reportedAt: reportedAtDate, error: null }
        : {
            ...(usage ?? emptyUsage),
            reachable: false,
            reportedAt: reportedAtDate,
            error: error ?? null,
          };
  }
  return usage;
}

const emptyUsage = {
  vcpus: null,
  vcpusUsed: null,
  memoryMb: null,
  memoryMbUsed: null,
  diskGb: null,
  diskGbUsed: null,
  runningVms: null,
  usedFraction: null,
};
